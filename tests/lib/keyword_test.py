"""keyword: kwlist and iskeyword."""
import keyword

print(len(keyword.kwlist), keyword.kwlist[:5], keyword.iskeyword("for"), keyword.iskeyword("match"), keyword.issoftkeyword("match"), keyword.softkwlist)
