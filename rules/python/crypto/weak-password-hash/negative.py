import crypt
import hashlib
import os

from passlib.hash import sha512_crypt


def strongest_available(password):
    # ok: weak-password-hash (no salt: the strongest method the platform has)
    return crypt.crypt(password)


def sha512(password):
    # ok: weak-password-hash
    return crypt.crypt(password, crypt.mksalt(crypt.METHOD_SHA512))


def bcrypt_method(password):
    # ok: weak-password-hash (bcrypt is an adaptive hash)
    return crypt.crypt(password, crypt.mksalt(crypt.METHOD_BLOWFISH))


def verify(password, stored):
    # ok: weak-password-hash (the stored hash names its own method)
    return crypt.crypt(password, stored) == stored


def sha512_salt_string(password):
    # ok: weak-password-hash
    return crypt.crypt(password, "$6$rounds=656000$saltsalt")


def passlib_strong(password):
    # ok: weak-password-hash
    return sha512_crypt.hash(password)


def kdf(password):
    # ok: weak-password-hash (a slow key derivation function with a random salt)
    salt = os.urandom(16)
    return salt + hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 600_000)


def document_digest(document, salt):
    # ok: weak-password-hash (not a password)
    return hashlib.sha256(salt + document).hexdigest()
