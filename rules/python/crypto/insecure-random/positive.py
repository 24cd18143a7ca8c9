import random
import random as rnd
import string
import time
from random import choice, getrandbits

ALPHABET = string.ascii_letters + string.digits


def make_reset_token():
    # expect: insecure-random
    return "".join(random.choice(ALPHABET) for _ in range(32))


def new_user(db, name):
    # expect: insecure-random
    password = "".join(choice(ALPHABET) for _ in range(12))
    db.add(name, password=password)


def issue_session(response):
    # expect: insecure-random
    response.set_cookie("sid", str(rnd.getrandbits(128)))


class Signer:
    def __init__(self):
        # expect: insecure-random
        self.salt = getrandbits(64).to_bytes(8, "big")


def pick_winner(entries):
    # expect: insecure-random
    return random.choice(entries)


def build_headers():
    # expect: insecure-random
    return {"X-CSRF-Token": rnd.randint(0, 2**31)}


def backoff_seconds(attempt):
    # expect: insecure-random
    return 2**attempt + random.uniform(0, 1)


def poll(check):
    while not check():
        # expect: insecure-random
        time.sleep(random.uniform(0.5, 1.5))


def maybe_rotate_session(session):
    # expect: insecure-random
    if random.random() < 0.01:
        session.rotate()


def sort_keys(items):
    # expect: insecure-random
    sort_key = random.random()
    return sorted(items, key=lambda _: sort_key)


# expect: insecure-random
generator = random.Random()
