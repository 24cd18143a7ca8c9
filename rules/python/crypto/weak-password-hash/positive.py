import crypt
import hashlib

from passlib.hash import md5_crypt


def legacy_shadow_entry(password):
    # expect: weak-password-hash
    return crypt.crypt(password, crypt.METHOD_CRYPT)


def md5_entry(password):
    # expect: weak-password-hash
    salt = crypt.mksalt(crypt.METHOD_MD5)
    return crypt.crypt(password, salt)


def two_letter_salt(password):
    # expect: weak-password-hash
    return crypt.crypt(password, "ab")


def md5_salt_string(password):
    # expect: weak-password-hash
    return crypt.crypt(password, salt="$1$saltsalt")


def htpasswd_line(user, password):
    # expect: weak-password-hash
    return "%s:%s" % (user, md5_crypt.hash(password))


def salted_sha256(password, salt):
    # expect: weak-password-hash
    return hashlib.sha256(password.encode() + salt.encode()).hexdigest()


def salted_by_formatting(password, salt):
    # expect: weak-password-hash
    return hashlib.sha512(("%s%s" % (salt, password)).encode()).hexdigest()
