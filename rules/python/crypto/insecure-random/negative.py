import os
import random
import secrets
import string

ALPHABET = string.ascii_letters + string.digits


def make_reset_token():
    # ok: insecure-random
    return secrets.token_urlsafe(32)


def new_password():
    # ok: insecure-random
    return "".join(secrets.choice(ALPHABET) for _ in range(16))


def system_random_salt():
    # ok: insecure-random
    return random.SystemRandom().getrandbits(64)


def nonce():
    # ok: insecure-random
    return os.urandom(16)


class Random:
    def choice(self, items):
        return items[0]


def local_object(items):
    rng = Random()
    # ok: insecure-random (a local class's method)
    return rng.choice(items)
