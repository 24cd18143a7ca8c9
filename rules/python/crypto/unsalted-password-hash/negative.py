import hashlib
import os
import pwd


def file_digest(data):
    # ok: unsalted-password-hash (not a password)
    return hashlib.sha256(data).hexdigest()


def reset_token_digest(password_reset_token):
    # ok: unsalted-password-hash (a random token, not a password)
    return hashlib.sha256(password_reset_token.encode()).hexdigest()


def home_digest(user):
    # ok: unsalted-password-hash (the pwd module is the account database, not a password)
    return hashlib.sha256(pwd.getpwnam(user).pw_dir.encode()).hexdigest()


def salted(password):
    # ok: unsalted-password-hash (salted: weak-password-hash reports the fast hash)
    salt = os.urandom(16)
    return salt + hashlib.sha256(salt + password.encode()).digest()


def proper(password):
    # ok: unsalted-password-hash
    salt = os.urandom(16)
    return salt + hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1)
