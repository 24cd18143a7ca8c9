import hashlib

import bcrypt
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

SALT = b"D8VxSmTZt2E2YV45"


def hash_password(password):
    # expect: hardcoded-salt
    return hashlib.pbkdf2_hmac("sha256", password.encode(), SALT, 600_000)


def hash_with_scrypt(password):
    # expect: hardcoded-salt
    return hashlib.scrypt(password.encode(), salt=b"salt", n=2**14, r=8, p=1)


def derive_key(passphrase):
    # expect: hardcoded-salt
    kdf = PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt="app-salt".encode(), iterations=600_000)
    return kdf.derive(passphrase)


def bcrypt_hash(password):
    # expect: hardcoded-salt
    return bcrypt.hashpw(password, b"$2b$12$abcdefghijklmnopqrstuv")
