"""Report helpers.

>>> summarize(["a"])  # doctest uses textwrap
"""
# ok: unused-import (future imports switch on language features)
from __future__ import annotations

# ok: unused-import (used in code through the dotted name)
import os.path
# ok: unused-import (re-exported in __all__)
from collections import OrderedDict
# ok: unused-import (only in a string annotation)
from decimal import Decimal
# ok: unused-import (only in a decorator and an annotation)
import functools
from typing import Iterable
# ok: unused-import (named in the module docstring)
import textwrap
# ok: unused-import (kept for its side effects, and says so)
import readline  # noqa: F401 (enables line editing in input())

# ok: unused-import (probing for an optional module)
try:
    import ujson as json
except ImportError:
    json = None

__all__ = ["OrderedDict", "summarize"]


@functools.lru_cache(maxsize=None)
def summarize(rows: Iterable) -> "Decimal":
    # ok: unused-import (function-level imports are out of scope)
    import sys
    return os.path.join(*rows)
