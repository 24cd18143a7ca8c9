import hmac as mac
from flask import session as flask_session
from flask import request


def delete_account(account_id):
    # expect: assert-used-for-security
    assert request.user.is_admin, "admins only"
    return account_id


def download(document, current_user):
    # expect: assert-used-for-security
    assert document.owner_id == current_user.id
    return document.body


def webhook(payload, sig, key):
    expected = mac.new(key, payload, "sha256").hexdigest()
    # expect: assert-used-for-security
    assert mac.compare_digest(expected, sig)
    return payload


def dashboard():
    # expect: assert-used-for-security
    assert flask_session.get("loggedIn")
    return "ok"


def change_role(actor, target):
    # expect: assert-used-for-security
    assert "billing" in actor.roles, f"{actor} may not change {target}"


def scale(values, factor):
    # expect: assert-used-for-security (low confidence: no security word)
    assert isinstance(factor, (int, float))
    return [v * factor for v in values]
