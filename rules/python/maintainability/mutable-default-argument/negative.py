from typing import Optional


# ok: mutable-default-argument
def add_host(name, hosts=None):
    if hosts is None:
        hosts = []
    hosts.append(name)
    return hosts


# ok: mutable-default-argument (tuples and frozensets cannot change)
def select(request, filters=(), names=frozenset()):
    return [h for h in request.hosts if h not in filters and h not in names]


def list(*items):
    return items


# ok: mutable-default-argument (a local function named list, not the builtin)
def build(values=list(1, 2), limit: Optional[int] = None):
    return values[:limit]


# ok: mutable-default-argument (a string default)
def label(name, prefix="[]"):
    return prefix + name
