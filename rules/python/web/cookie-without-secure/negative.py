import http.cookiejar

from flask import make_response, request

# ok: cookie-without-secure
SESSION_COOKIE_SECURE = True
COOKIE_OPTIONS = {"secure": True, "httponly": True, "samesite": "Lax"}


class ProductionConfig:
    # ok: cookie-without-secure
    SESSION_COOKIE_SECURE = True


def login(token):
    resp = make_response("ok")
    # ok: cookie-without-secure
    resp.set_cookie("session", token, secure=True, httponly=True, samesite="Lax")
    return resp


def behind_proxy(token):
    resp = make_response("ok")
    # ok: cookie-without-secure (decided at run time)
    resp.set_cookie("session", token, secure=request.is_secure, httponly=True)
    return resp


def from_options(token):
    resp = make_response("ok")
    # ok: cookie-without-secure (the flags come from **COOKIE_OPTIONS)
    resp.set_cookie("session", token, **COOKIE_OPTIONS)
    return resp


def jar(cookie):
    cookies = http.cookiejar.CookieJar()
    # ok: cookie-without-secure (http.cookiejar, a client-side cookie store)
    cookies.set_cookie(cookie)
    return cookies


def positional(token):
    resp = make_response("ok")
    # ok: cookie-without-secure (secure is the seventh positional argument)
    resp.set_cookie("session", token, 3600, None, "/", None, True, True, "Lax")
    return resp
