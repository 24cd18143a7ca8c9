import jinja2
import jinja2 as j2
from jinja2 import Environment, FileSystemLoader, Template
from jinja2.sandbox import SandboxedEnvironment as Sandbox

loader = FileSystemLoader("templates")
ESCAPE = False


# expect: jinja2-autoescape-false
env = Environment(loader=loader)

# expect: jinja2-autoescape-false
strict = jinja2.Environment(autoescape=False, loader=loader)

# expect: jinja2-autoescape-false
module_constant = j2.Environment(loader=loader, autoescape=ESCAPE)

# expect: jinja2-autoescape-false
sandbox = Sandbox(loader=loader)


def render(source, values):
    # expect: jinja2-autoescape-false
    return Template(source).render(values)


def configured(settings):
    # expect: jinja2-autoescape-false
    return Environment(loader=loader, autoescape=settings.get("escape"))
