import jinja2
from flask import Flask, render_template_string, request

app = Flask(__name__)


def hello():
    name = request.args.get("name", "")
    # expect: tainted-code-injection
    return render_template_string(f"<h1>Hello {name}</h1>")


def custom(request):
    # expect: tainted-code-injection
    return jinja2.Template(request.POST["template"]).render()


def run_snippet(request):
    code = request.POST.get("code", "")
    # expect: tainted-code-injection
    exec("def f():\n    " + code)


@app.route("/compile")
def compiled():
    source = request.args.get("src")
    # expect: tainted-code-injection
    return compile(source, "<input>", "exec")
