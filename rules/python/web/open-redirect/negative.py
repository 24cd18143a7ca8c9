from urllib.parse import urlparse

from django.http import HttpResponseRedirect
from django.shortcuts import redirect as django_redirect
from django.utils.http import url_has_allowed_host_and_scheme
from flask import redirect, request, url_for


def django_login(request):
    next_url = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = "/"
    # ok: open-redirect (checked with url_has_allowed_host_and_scheme)
    return django_redirect(next_url)


def flask_login():
    target = request.args.get("next", "")
    if urlparse(target).netloc:
        target = "/"
    # ok: open-redirect (target is reassigned after the netloc check)
    return redirect(target)


def checked_netloc():
    target = request.args.get("next", "")
    if urlparse(target).netloc != "":
        return redirect("/")
    # ok: open-redirect (netloc checked)
    return redirect(target)


def profile():
    user = request.args["user"]
    # ok: open-redirect (the request only picks a path on this site)
    return redirect("/users/" + user)


def named_route():
    # ok: open-redirect (url_for builds a local URL)
    return redirect(url_for(request.args.get("endpoint", "index")))


def constant():
    # ok: open-redirect
    return HttpResponseRedirect("/dashboard")


def allow_listed(request):
    target = request.GET["next"]
    if target in ("/", "/account", "/help"):
        # ok: open-redirect (compared with an allow-list)
        return HttpResponseRedirect(target)
    return HttpResponseRedirect("/")


def helper(url):
    # ok: open-redirect (a plain parameter, not the request)
    return redirect(url)


def header_fixed(request):
    response = HttpResponseRedirect("/")
    # ok: open-redirect (a constant target)
    response["Location"] = "/dashboard"
    # ok: open-redirect (another header)
    response["X-Next"] = request.GET.get("next", "/")
    return response
