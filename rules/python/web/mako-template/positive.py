import mako
from mako import lookup
from mako import template as tmpl
from mako.template import Template


def greet(name):
    # expect: mako-template
    return Template("<p>Hello ${name}</p>").render(name=name)


def qualified(source):
    # expect: mako-template
    return mako.template.Template(source)


def module_alias(source):
    # expect: mako-template
    return tmpl.Template(source, default_filters=["str"])


# expect: mako-template
templates = lookup.TemplateLookup(directories=["templates"])
