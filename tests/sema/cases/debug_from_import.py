from os import path, __debug__
