import flask
import markupsafe
from django.utils import safestring
from django.utils.safestring import mark_safe as safe
from markupsafe import Markup


def bold(name):
    # expect: django-mark-safe
    return safe("<b>%s</b>" % name)


def link(url, title):
    # expect: django-mark-safe
    return safestring.mark_safe(f'<a href="{url}">{title}</a>')


def comment(body):
    # expect: django-mark-safe
    return Markup(body)


def flask_alias(message):
    # expect: django-mark-safe
    return flask.Markup("<p>{}</p>".format(message))


def keyword(text):
    # expect: django-mark-safe
    return markupsafe.Markup(base="<i>" + text + "</i>")


class Html(Markup):
    pass


class Snippet(Html):
    pass


def subclass(text):
    # expect: django-mark-safe
    return Snippet(text)
