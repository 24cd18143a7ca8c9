import bleach
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from markupsafe import Markup

ICON = '<svg class="icon"></svg>'


def constant():
    # ok: django-mark-safe
    return mark_safe("<br>")


def module_constant():
    # ok: django-mark-safe
    return mark_safe(ICON)


def escaped(name):
    # ok: django-mark-safe
    return mark_safe("<b>%s</b>" % escape(name))


def escaped_fstring(name):
    # ok: django-mark-safe
    return mark_safe(f"<b>{escape(name)}</b>")


def formatted(name):
    # ok: django-mark-safe
    return mark_safe(format_html("<b>{}</b>", name))


def sanitised(body):
    cleaned = bleach.clean(body)
    # ok: django-mark-safe
    return Markup(cleaned)


def markup_format(name):
    # ok: django-mark-safe (Markup.format escapes its arguments)
    return Markup("<b>{}</b>").format(name)


class Page:
    def Markup(self, text):
        return text


def method(text):
    # ok: django-mark-safe
    return Page().Markup(text)
