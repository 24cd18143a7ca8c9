import jinja2
from flask import render_template_string, request


def hello():
    name = request.args.get("name", "")
    # ok: tainted-code-injection (the client text is a variable, not template source)
    return render_template_string("<h1>Hello {{ name }}</h1>", name=name)


def constant():
    # ok: tainted-code-injection
    return jinja2.Template("{{ x }}").render(x=request.args["x"])


def constant_code():
    # ok: tainted-code-injection
    exec("import json")
