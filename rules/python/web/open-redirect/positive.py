from django.http import HttpResponseRedirect
from django.shortcuts import redirect as django_redirect
import flask
from flask import redirect, request

app = flask.Flask(__name__)


@app.route("/login")
def login():
    # expect: open-redirect
    return redirect(request.args.get("next", "/"))


@app.route("/logout")
def logout():
    target = request.args["next"]
    # expect: open-redirect
    return flask.redirect(target)


@app.route("/go")
def go():
    host = request.values.get("host")
    # expect: open-redirect
    return redirect(f"https://{host}/welcome")


def django_login(request):
    next_url = request.GET.get("next") or "/"
    # expect: open-redirect
    return django_redirect(next_url)


def django_post(request):
    # expect: open-redirect
    return HttpResponseRedirect(request.POST["return_to"])


class ReturnView:
    def get(self, request):
        # expect: open-redirect
        return HttpResponseRedirect(self.request.GET.get("back"))


def header_redirect():
    url = request.args["next"]
    response = flask.Response("redirecting...", 302)
    # expect: open-redirect
    response.headers["Location"] = url
    return response


def django_header(request):
    response = HttpResponseRedirect("/")
    # expect: open-redirect
    response["Location"] = request.GET.get("next", "/")
    return response
