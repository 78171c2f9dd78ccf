"""Module with a doc."""
seen = __doc__
