from flask import request, session

ROLES = ("viewer", "editor")


def set_role():
    role = request.args["role"]
    if role in ROLES:
        # ok: tainted-session-data (allow-listed)
        session["role"] = role


def counter():
    # ok: tainted-session-data (server data)
    session["visits"] = session.get("visits", 0) + 1
