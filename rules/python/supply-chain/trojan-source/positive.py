import os
import os.path as osp
from sys import argv as arguments

access_level = os.environ.get("ACCESS", "user")

# expect: trojan-source
if access_level != "none‮⁦":  # Check if admin ⁩⁦" and access_level != "user
    print("You are an admin.")

# expect: trojan-source
# The next check is disabled ‮ for now


def greeting():
    # expect: trojan-source (balanced inside the literal: confidence medium)
    return "⁧שלום⁩"


def documented():
    # expect: trojan-source
    """Return the argument count.

    Internal note ‫do not change‬ and
    another ‮ reordered line.
    """
    return len(arguments) + len(osp.sep)
