from flask import request


def greet(user):
    # ok: tainted-format-string (a constant template; the client value is an argument)
    return "Hello {0}".format(request.args["name"])
