from django.http import HttpResponse
from django.utils.safestring import mark_safe
from flask import Flask, make_response, request
from markupsafe import Markup


def hello():
    name = request.args.get("name", "")
    # expect: tainted-html-output
    return make_response(f"<h1>Hello {name}</h1>")


def comment(request):
    text = request.POST["comment"]
    # expect: tainted-html-output
    return HttpResponse("<p>%s</p>" % text)


def badge(request):
    # expect: tainted-html-output
    return mark_safe("<b>" + request.GET["label"] + "</b>")


def markup():
    # expect: tainted-html-output
    return Markup("<i>{}</i>".format(request.args["x"]))


app = Flask(__name__)


@app.route("/greet")
def greet():
    name = request.args.get("name", "")
    # expect: tainted-html-output
    return "<p>Hello " + name + "</p>"


@app.route("/echo/<word>")
def echo(word):
    # expect: tainted-html-output
    return f"<b>{word}</b>"
