import os
import os.path as osp
from sys import argv as arguments

# ok: trojan-source (the control is written as an escape, visible in review)
RIGHT_TO_LEFT_OVERRIDE = "\u202e"

# ok: trojan-source (right-to-left text without control characters)
GREETING = "שלום"

# ok: trojan-source (a right-to-left mark is not one of the reordering controls)
LABEL = "‏מחיר"


def count():
    # ok: trojan-source (a comment that only names U+202E)
    return len(arguments) + len(osp.sep) + len(os.sep)
