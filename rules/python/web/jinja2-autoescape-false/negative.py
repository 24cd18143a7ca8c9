import jinja2
from jinja2 import Environment, FileSystemLoader, select_autoescape

loader = FileSystemLoader("templates")


def by_name(template_name):
    return template_name is not None and template_name.endswith(".html")


# ok: jinja2-autoescape-false
on = Environment(loader=loader, autoescape=True)

# ok: jinja2-autoescape-false
policy = jinja2.Environment(loader=loader, autoescape=select_autoescape(["html", "xml"]))

# ok: jinja2-autoescape-false
qualified_policy = Environment(loader=loader, autoescape=jinja2.select_autoescape())

# ok: jinja2-autoescape-false
function_policy = Environment(loader=loader, autoescape=by_name)

# ok: jinja2-autoescape-false
lambda_policy = Environment(loader=loader, autoescape=lambda name: True)


def from_options(options):
    # ok: jinja2-autoescape-false (autoescape may be in **options)
    return Environment(loader=loader, **options)


class Environment2:
    pass


# ok: jinja2-autoescape-false
unrelated = Environment2()
