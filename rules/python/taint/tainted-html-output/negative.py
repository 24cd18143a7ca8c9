import html

from django.http import HttpResponse
from fastapi import FastAPI
from flask import Flask, jsonify, make_response, redirect, render_template, request
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


app = Flask(__name__)
api = FastAPI()


@app.route("/greet")
def greet():
    # ok: tainted-html-output (escaped)
    return "<p>Hello " + html.escape(request.args.get("name", "")) + "</p>"


@app.route("/data")
def data():
    # ok: tainted-html-output (JSON)
    return jsonify(name=request.args["name"])


@app.route("/go")
def go():
    # ok: tainted-html-output (a redirect response, not text)
    return redirect("/home?from=" + request.args["from"])


@api.get("/hello/{name}")
def hello_api(name: str):
    # ok: tainted-html-output (FastAPI encodes a returned string as JSON)
    return f"Hello {name}"
