from flask import request, session


def set_role():
    role = request.args["role"]
    # expect: tainted-session-data
    session["role"] = role


def django_view(request):
    # expect: tainted-session-data
    request.session["user_id"] = request.POST["user_id"]
