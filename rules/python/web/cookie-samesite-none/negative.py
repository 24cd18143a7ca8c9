from flask import make_response

# ok: cookie-samesite-none
SESSION_COOKIE_SAMESITE = "Lax"


class ProductionConfig:
    # ok: cookie-samesite-none
    SESSION_COOKIE_SAMESITE = "Strict"


def login(token):
    resp = make_response("ok")
    # ok: cookie-samesite-none
    resp.set_cookie("session", token, secure=True, httponly=True, samesite="Lax")
    return resp


def positional(token):
    resp = make_response("ok")
    # ok: cookie-samesite-none (samesite is the ninth positional argument)
    resp.set_cookie("session", token, 3600, None, "/", None, True, True, "Strict")
    return resp


def configured(token, policy):
    resp = make_response("ok")
    # ok: cookie-samesite-none (decided at run time)
    resp.set_cookie("session", token, secure=True, httponly=True, samesite=policy)
    return resp
