import collections
from typing import Optional


# expect: mutable-default-argument
def add_host(name, hosts=[]):
    hosts.append(name)
    return hosts


# expect: mutable-default-argument
def merge(base, extra={}):
    extra.update(base)
    return extra


class Scheduler:
    def select(self, request,
               # expect: mutable-default-argument
               filters=set(),
               # expect: mutable-default-argument
               weights: dict = dict()):
        return [h for h in request.hosts if h not in filters and weights.get(h, 1)]

    # expect: mutable-default-argument
    def group(self, servers, by_host=collections.defaultdict(list)):
        for server in servers:
            by_host[server.host].append(server)
        return by_host


# expect: mutable-default-argument
def copy_first(items=[], limit: Optional[int] = None):
    items = list(items)
    items.append(limit)
    return items
