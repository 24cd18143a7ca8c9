import re
import re as regex_module
from re import compile as rx

from django.core.validators import RegexValidator
from flask import request

# expect: regex-dos
EMAIL = re.compile(r"^([a-zA-Z0-9])(([\-.]|[_]+)?([a-zA-Z0-9]+))*(@){1}[a-z0-9]+[.]{1}(([a-z]{2,3})|([a-z]{2,3}[.]{1}[a-z]{2,3}))$")

# expect: regex-dos
WORDS = r"^(\w+\s?)*$"


def is_words(text):
    return re.match(WORDS, text) is not None


def nested(text):
    # expect: regex-dos
    return regex_module.search("(a+)+b", text)


def alternatives(text):
    # expect: regex-dos
    return re.fullmatch(r"(\w|\d)+", text)


def bounded(text):
    # expect: regex-dos
    return rx(r"(.*a){12}").match(text)


def escaped(text):
    # expect: regex-dos
    return re.findall("^(\\d+)*\\.", text)


# expect: regex-dos
slug = RegexValidator(r"^([a-z0-9]+-?)+$")


def user_search():
    pattern = request.args["pattern"]
    # expect: regex-dos
    return re.search(pattern, request.args["text"])


def user_anchored(request):
    # expect: regex-dos
    return re.compile(f"^{request.GET['prefix']}")
