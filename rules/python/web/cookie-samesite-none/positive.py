from django.http import HttpResponse
from flask import Flask, make_response

app = Flask(__name__)
# expect: cookie-samesite-none
app.config["SESSION_COOKIE_SAMESITE"] = "None"

# expect: cookie-samesite-none
CSRF_COOKIE_SAMESITE = "None"


@app.route("/embed")
def embed(token):
    resp = make_response("ok")
    # expect: cookie-samesite-none
    resp.set_cookie("session", token, secure=True, httponly=True, samesite="None")
    return resp


def django_view(request, token):
    response = HttpResponse("ok")
    # expect: cookie-samesite-none (low confidence: no SameSite at all)
    response.set_cookie("sessionid", token, secure=True, httponly=True)
    return response


def disabled(token):
    resp = make_response("ok")
    # expect: cookie-samesite-none (low confidence: samesite=None means no attribute)
    resp.set_cookie("auth", token, secure=True, httponly=True, samesite=None)
    return resp


class LegacyConfig:
    # expect: cookie-samesite-none (low confidence: no attribute)
    SESSION_COOKIE_SAMESITE = None
