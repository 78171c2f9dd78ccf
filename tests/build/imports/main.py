import helper
from helper import double
print(helper.GREETING, double(21), helper.__name__)
