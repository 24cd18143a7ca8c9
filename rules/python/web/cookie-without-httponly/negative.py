from flask import make_response

# ok: cookie-without-httponly
SESSION_COOKIE_HTTPONLY = True
# ok: cookie-without-httponly (Django documents no benefit for the CSRF cookie)
CSRF_COOKIE_HTTPONLY = False


def login(token):
    resp = make_response("ok")
    # ok: cookie-without-httponly
    resp.set_cookie("session", token, secure=True, httponly=True, samesite="Lax")
    return resp


def positional(token):
    resp = make_response("ok")
    # ok: cookie-without-httponly (httponly is the eighth positional argument)
    resp.set_cookie("session", token, 3600, None, "/", None, True, True)
    return resp


def computed(token, flags):
    resp = make_response("ok")
    # ok: cookie-without-httponly (decided at run time)
    resp.set_cookie("session", token, secure=True, httponly=flags.httponly)
    return resp
