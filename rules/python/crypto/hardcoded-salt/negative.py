import hashlib
import os

import bcrypt


def hash_password(password):
    # ok: hardcoded-salt (a random salt per password, stored with the hash)
    salt = os.urandom(16)
    return salt + hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 600_000)


def check_password(password, salt, expected):
    # ok: hardcoded-salt (the stored salt)
    return hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 600_000) == expected


def bcrypt_hash(password):
    # ok: hardcoded-salt
    return bcrypt.hashpw(password, bcrypt.gensalt())


def bcrypt_check(password):
    # ok: hardcoded-salt (checking against a stored hash, which carries its own salt)
    stored = b"$2b$12$abcdefghijklmnopqrstuu8Wz7J3eXh3v9lq7h5K0pVfJqY6bq0eS"
    return bcrypt.hashpw(password, stored) == stored
