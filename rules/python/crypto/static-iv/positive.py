import os

from Crypto.Cipher import AES
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

STATIC_IV = b"0123456789abcdef"


def encrypt_token(key, token):
    # expect: static-iv
    cipher = Cipher(algorithms.AES(key), modes.CBC(b"\x00" * 16))
    encryptor = cipher.encryptor()
    return encryptor.update(token) + encryptor.finalize()


def encrypt_record(key, data):
    # expect: static-iv
    cipher = AES.new(key, AES.MODE_CBC, STATIC_IV)
    return cipher.encrypt(data)


def encrypt_padded(key, data):
    iv = b"x" * AES.block_size
    # expect: static-iv
    cipher = AES.new(key, AES.MODE_CBC, iv=iv)
    return cipher.encrypt(data)


def encrypt_zero_iv(key, data):
    # expect: static-iv
    return Cipher(algorithms.AES(key), modes.CBC(bytes(16))).encryptor().update(data)


def encrypt_text_iv(key, data):
    # expect: static-iv
    return AES.new(key, AES.MODE_CBC, "fedcba9876543210".encode()).encrypt(data)
