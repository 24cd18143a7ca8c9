from django.http import HttpResponse
from flask import Flask, make_response
from flask import make_response as mk

app = Flask(__name__)
# expect: cookie-without-httponly
app.config["SESSION_COOKIE_HTTPONLY"] = False

# expect: cookie-without-httponly
SESSION_COOKIE_HTTPONLY = False


@app.route("/login")
def login(token):
    resp = make_response("ok")
    # expect: cookie-without-httponly
    resp.set_cookie("auth_token", token, secure=True, samesite="Lax")
    return resp


def remember(token):
    resp = mk("ok")
    # expect: cookie-without-httponly
    resp.set_cookie("remember_me", token, secure=True, httponly=False)
    return resp


def django_view(request, jwt_value):
    response = HttpResponse("ok")
    # expect: cookie-without-httponly
    response.set_signed_cookie("jwt", jwt_value, secure=True)
    return response


def preference(lang):
    resp = make_response("ok")
    # expect: cookie-without-httponly (low confidence: not a session cookie)
    resp.set_cookie("lang", lang, secure=True)
    return resp
