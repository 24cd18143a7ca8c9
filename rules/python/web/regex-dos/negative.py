import re

from django.core.validators import RegexValidator
from flask import request

# ok: regex-dos (each repetition ends with a dot the inner part cannot match)
HOST = re.compile(r"^([a-z0-9-]+\.)+[a-z]{2,}$")
# ok: regex-dos (not nested)
EMAIL = re.compile(r"^[\w.+-]+@[\w-]+\.[\w.-]+$")
# ok: regex-dos (a bounded repetition: small)
IPV4 = re.compile(r"^(\d{1,3}\.){3}\d{1,3}$")


def prefix(text):
    # ok: regex-dos (nothing after the repetition can fail, so the first match is taken)
    return re.match(r"(\w+\s?)+", text)


def disjoint(text):
    # ok: regex-dos (the alternatives never match the same character)
    return re.search(r"^(\d|[a-z])+$", text)


def separated(text):
    # ok: regex-dos (a comma separates the repetitions)
    return re.fullmatch(r"\d+(,\d+)*", text)


def atomic(text):
    # ok: regex-dos (a possessive quantifier does not backtrack, Python 3.11+)
    return re.fullmatch(r"(?:a+)++b", text)


def dynamic(user_pattern, text):
    # ok: regex-dos (not a constant: another rule's business)
    return re.search(user_pattern, text)


# ok: regex-dos
slug = RegexValidator(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def escaped_search():
    # ok: regex-dos (re.escape makes the request value a literal text)
    return re.search(re.escape(request.args["q"]), request.args["text"])
