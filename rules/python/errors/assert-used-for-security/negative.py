from flask import request


def delete_account(account_id):
    # ok: assert-used-for-security (an explicit check survives python -O)
    if not request.user.is_admin:
        raise PermissionError("admins only")
    return account_id


def test_delete_account_requires_admin():
    user = request.user
    # ok: assert-used-for-security (test function)
    assert not user.is_admin


class TestSessions:
    def check(self, session):
        # ok: assert-used-for-security (test class)
        assert session.get("logged_in")


class AccessTests:
    def verify(self, token):
        # ok: assert-used-for-security (test class)
        assert token.valid


def mocked(client):
    # ok: assert-used-for-security (a method named assert_..., not an assert statement)
    client.login.assert_called_once_with("admin")
