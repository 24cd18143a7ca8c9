import jwt
import jwt as pyjwt
from jose import jwt as jose_jwt
from jwt import decode
import python_jwt

SECRET = "not-the-point-here"
NO_CHECK = {"verify_signature": False}


def legacy(token):
    # expect: jwt-decode-without-verification
    return jwt.decode(token, SECRET, verify=False)


def claims(token):
    return pyjwt.decode(
        token,
        # expect: jwt-decode-without-verification
        options={"verify_signature": False},
    )


def claims_by_name(token):
    # expect: jwt-decode-without-verification
    return decode(token, SECRET, algorithms=["HS256"], options=NO_CHECK)


def unsigned_allowed(token):
    # expect: jwt-decode-without-verification
    return jwt.decode(token, SECRET, algorithms=["HS256", "none"])


def any_algorithm(token, public_key):
    # expect: jwt-decode-without-verification (low confidence: PyJWT 2 refuses the call)
    return jwt.decode(token, public_key)


def jose_unverified(token, key):
    # expect: jwt-decode-without-verification
    return jose_jwt.decode(token, key, algorithms=["RS256"], options={"verify_signature": False})


def jose_any_algorithm(token, key):
    # expect: jwt-decode-without-verification
    return jose_jwt.decode(token, key)


def python_jwt_claims(token):
    # expect: jwt-decode-without-verification
    header, claims = python_jwt.process_jwt(token)
    return claims
