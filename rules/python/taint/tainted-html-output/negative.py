import html

from django.http import HttpResponse
from flask import make_response, request, render_template
from markupsafe import escape


def hello():
    name = escape(request.args.get("name", ""))
    # ok: tainted-html-output (escaped)
    return make_response(f"<h1>Hello {name}</h1>")


def comment(request):
    # ok: tainted-html-output (escaped)
    return HttpResponse("<p>%s</p>" % html.escape(request.POST["comment"]))


def template():
    # ok: tainted-html-output (an autoescaping template)
    return make_response(render_template("hello.html", name=request.args["name"]))
