import hashlib


def cache_key(data):
    # ok: weak-hash (declared as not for security)
    return hashlib.md5(data, usedforsecurity=False).hexdigest()


def strong(data):
    # ok: weak-hash
    return hashlib.sha256(data).hexdigest()


def strong_by_name(data):
    # ok: weak-hash
    return hashlib.new("sha256", data).hexdigest()


def hash_password(password, salt):
    # ok: weak-hash (a password: weak-password-hash reports a fast hash of a password)
    return hashlib.md5(salt + password).hexdigest()
