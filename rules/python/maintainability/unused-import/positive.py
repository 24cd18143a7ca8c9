"""Report helpers."""
from __future__ import annotations

# expect: unused-import
import sys
import os
# expect: unused-import
import json as js
# expect: unused-import
from collections import OrderedDict, defaultdict
# expect: unused-import
from typing import (
    Any,
    Dict,
)
# expect: unused-import
import xml.dom.minidom
import re


def build(rows) -> Dict[str, int]:
    pattern = re.compile(r"\d+")
    counts = OrderedDict()
    for row in rows:
        counts[row] = len(pattern.findall(row))
    return counts, os.getcwd()
