from mako.lookup import TemplateLookup
from mako.template import Template

FILTERS = ["str", "h"]


def greet(name):
    # ok: mako-template
    return Template("<p>Hello ${name}</p>", default_filters=["h"]).render(name=name)


def module_constant(source):
    # ok: mako-template
    return Template(source, default_filters=FILTERS)


# ok: mako-template
templates = TemplateLookup(directories=["templates"], default_filters=["h", "trim"])


def from_options(source, options):
    # ok: mako-template (default_filters may be in **options)
    return Template(source, **options)


class Template2:
    def __init__(self, source):
        self.source = source


def unrelated(source):
    # ok: mako-template
    return Template2(source)
