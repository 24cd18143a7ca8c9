import jwt
from jose import jwt as jose_jwt

SECRET = "not-the-point-here"
ALGORITHMS = ["HS256"]


def verified(token):
    # ok: jwt-decode-without-verification
    return jwt.decode(token, SECRET, algorithms=["HS256"])


def verified_by_name(token):
    # ok: jwt-decode-without-verification
    return jwt.decode(token, SECRET, algorithms=ALGORITHMS, options={"verify_exp": True})


def positional_algorithms(token, key):
    # ok: jwt-decode-without-verification (PyJWT 2: the third argument is algorithms)
    return jwt.decode(token, key, ["RS256"])


def jose_verified(token, key):
    # ok: jwt-decode-without-verification
    return jose_jwt.decode(token, key, algorithms=["RS256"], audience="api")


def header_only(token):
    # ok: jwt-decode-without-verification (reading the key id before verifying is fine)
    return jwt.get_unverified_header(token)["kid"]


def explicit_on(token):
    # ok: jwt-decode-without-verification
    return jwt.decode(token, SECRET, algorithms=["HS256"], options={"verify_signature": True})


def other_decode(data):
    import base64
    # ok: jwt-decode-without-verification (not a JWT library)
    return base64.b64decode(data).decode("utf-8")


def python_jwt_verified(token, key):
    import python_jwt
    # ok: jwt-decode-without-verification
    return python_jwt.verify_jwt(token, key, ["RS256"])
