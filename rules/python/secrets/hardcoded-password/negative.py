import os

# ok: hardcoded-password (read at run time)
DB_PASSWORD = os.environ["DB_PASSWORD"]
# ok: hardcoded-password (a form field name, not a password)
PASSWORD_FIELD = "password"
# ok: hardcoded-password (a URL, not a password)
PASSWORD_RESET_URL = "/account/reset"
# ok: hardcoded-password (empty)
DEFAULT_PASSWORD = ""
# ok: hardcoded-password (a mask)
MASKED_PASSWORD = "********"
# ok: hardcoded-password (a user-facing message)
password_prompt_text = "Enter your password"


def connect(factory, secret_store):
    # ok: hardcoded-password
    return factory(password=secret_store.get("db"))


def check(password, expected_hash, hasher):
    # ok: hardcoded-password (compared with a computed value)
    return hasher(password) == expected_hash


# ok: hardcoded-password (no default)
def login(user, password=None):
    return user, password
