from urllib.parse import urlparse

from django.utils.http import url_has_allowed_host_and_scheme
from django.shortcuts import redirect as django_redirect
from flask import abort, redirect, request, url_for

ALLOWED = {"example.com", "www.example.com"}


def checked_host():
    target = request.args.get("next", "/")
    if urlparse(target).netloc not in ALLOWED:
        abort(400)
    # ok: tainted-redirect (the host is allow-listed)
    return redirect(target)


def parsed_host():
    target = request.args["next"]
    parts = urlparse(target)
    if parts.hostname in ALLOWED:
        # ok: tainted-redirect (the host is allow-listed)
        return redirect(target)
    return redirect("/")


def django_checked(request):
    url = request.GET.get("next")
    if not url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}):
        url = "/"
    # ok: tainted-redirect
    return django_redirect(url)


def fixed():
    # ok: tainted-redirect
    return redirect(url_for("home"))


def other_key(request):
    data = {}
    # ok: tainted-redirect (not the Location header)
    data["location_name"] = request.GET.get("place")
    return data


class HomeView:
    def get(self, *args, **kwargs):
        # ok: tainted-redirect (the user object is not chosen by the client)
        return django_redirect(self.request.user.get_absolute_url())
