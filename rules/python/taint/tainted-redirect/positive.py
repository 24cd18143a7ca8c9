from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect as django_redirect
from flask import redirect, request


def login_done():
    target = request.args.get("next", "/")
    # expect: tainted-redirect
    return redirect(target)


def logout(request):
    # expect: tainted-redirect
    return HttpResponseRedirect(request.GET["next"])


def back(request):
    url = request.META.get("HTTP_REFERER")
    # expect: tainted-redirect
    return django_redirect(url)


def location_header(request):
    response = HttpResponse(status=302)
    # expect: tainted-redirect
    response["Location"] = request.GET.get("next", "/")
    return response


class NextView:
    def get(self, *args, **kwargs):
        target = self.request.GET.get("next", "/")
        # expect: tainted-redirect
        return HttpResponseRedirect(target)
