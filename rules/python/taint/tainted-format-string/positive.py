from flask import request


def greet(user):
    template = request.args.get("t", "Hello {user.name}")
    # expect: tainted-format-string
    return template.format(user=user)
