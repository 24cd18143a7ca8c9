import io
import sys

try:
    # ok: shadowed-builtin (Python 2 compatibility alias keeps the builtin's meaning)
    input = raw_input
except NameError:
    pass

# ok: shadowed-builtin (same function under the same name)
open = io.open


class Record:
    # ok: shadowed-builtin (class attributes are reached through the class, not by bare name)
    id = None
    type = "record"

    # ok: shadowed-builtin (a method name does not hide the builtin)
    def format(self):
        return "%s/%s" % (self.type, self.id)


def load(path, kind="json"):
    # ok: shadowed-builtin
    items = []
    # ok: shadowed-builtin (trailing underscore, the PEP 8 convention)
    for id_, line in enumerate(sys.stdin):
        items.append((id_, line, kind))
    # ok: shadowed-builtin (`file` is not a Python 3 builtin)
    file = path
    return items, file


def squares(values):
    # ok: shadowed-builtin (comprehension variables live in their own scope)
    return [len for len in values]


class Handler(Base):
    # ok: shadowed-builtin (an override keeps the parameter names its base class defines)
    def log_message(self, format, *args):
        return format % args


class Session:
    # ok: shadowed-builtin (special method: names set by the protocol)
    def __exit__(self, type, value, tb):
        return False
