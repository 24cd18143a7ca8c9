import flask
from django.http import HttpResponse
from flask import Flask, make_response

app = Flask(__name__)
# expect: cookie-without-secure
app.config["SESSION_COOKIE_SECURE"] = False
# expect: cookie-without-secure
app.config.update(REMEMBER_COOKIE_SECURE=False)

# expect: cookie-without-secure
CSRF_COOKIE_SECURE = False


@app.route("/login")
def login():
    resp = make_response("ok")
    # expect: cookie-without-secure
    resp.set_cookie("session_token", "abc", httponly=True, samesite="Lax")
    return resp


def django_view(request):
    response = HttpResponse("ok")
    response.set_cookie(
        "sessionid",
        request.session.session_key,
        # expect: cookie-without-secure
        secure=False,
        httponly=True,
    )
    return response


def signed(request, user_id):
    response = HttpResponse("ok")
    # expect: cookie-without-secure
    response.set_signed_cookie("user_id", user_id, salt="uid", httponly=True)
    return response


def preference(theme):
    resp = flask.make_response("ok")
    # expect: cookie-without-secure (low confidence: not a session cookie)
    resp.set_cookie("theme", theme)
    return resp


class DevelopmentConfig:
    # expect: cookie-without-secure (low confidence: development configuration)
    SESSION_COOKIE_SECURE = False
