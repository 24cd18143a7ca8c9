import importlib
from importlib import import_module as load


def load_exporter(request):
    # expect: dynamic-import
    module = importlib.import_module("exporters." + request.args["format"])
    return module.export


def plugin(name):
    # expect: dynamic-import
    return load(f"app.plugins.{name}")


def legacy(module_name):
    # expect: dynamic-import
    return __import__(module_name, fromlist=["run"])


def from_message(message):
    target = message["handler"]
    # expect: dynamic-import
    return importlib.__import__(target)


def from_settings(settings):
    # expect: dynamic-import
    return importlib.import_module(settings.CACHE_BACKEND)
