import hashlib

from Crypto.Hash import MD5


def sign_token(token, key):
    # expect: weak-hash
    return hashlib.md5(key + token).hexdigest()


def fingerprint(data):
    # expect: weak-hash
    return hashlib.sha1(data).hexdigest()


def by_name(data):
    # expect: weak-hash
    return hashlib.new("md5", data).hexdigest()


def pycrypto(data):
    # expect: weak-hash
    return MD5.new(data).digest()
