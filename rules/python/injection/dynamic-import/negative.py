import importlib

JSON = "json"
EXPORTERS = {"csv": "exporters.csv", "json": "exporters.json"}
BACKENDS = ("cache.redis", "cache.memory")


def constant():
    # ok: dynamic-import
    return importlib.import_module("json")


def module_constant():
    # ok: dynamic-import
    return __import__(JSON)


def folded():
    # ok: dynamic-import
    return importlib.import_module("exporters." + JSON)


def allow_listed(fmt):
    # ok: dynamic-import
    return importlib.import_module(EXPORTERS[fmt])


def allow_listed_index(i):
    # ok: dynamic-import
    return importlib.import_module(BACKENDS[i])


class Loader:
    def import_module(self, name):
        return name


def method(name):
    # ok: dynamic-import
    return Loader().import_module(name)
