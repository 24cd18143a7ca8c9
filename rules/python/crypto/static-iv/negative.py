import os

from Crypto.Cipher import AES
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes


def encrypt_random_iv(key, data):
    # ok: static-iv (a new random IV for each message)
    iv = os.urandom(16)
    cipher = Cipher(algorithms.AES(key), modes.CBC(iv))
    encryptor = cipher.encryptor()
    return iv + encryptor.update(data) + encryptor.finalize()


def encrypt_generated_iv(key, data):
    # ok: static-iv (PyCryptodome makes a random IV when none is given)
    cipher = AES.new(key, AES.MODE_CBC)
    return cipher.iv + cipher.encrypt(data)


def decrypt(key, iv, data):
    # ok: static-iv (the IV comes with the message)
    return AES.new(key, AES.MODE_CBC, iv).decrypt(data)


def counter_mode(key, data):
    # ok: static-iv (not CBC)
    cipher = AES.new(key, AES.MODE_CTR, nonce=os.urandom(8))
    return cipher.nonce + cipher.encrypt(data)


def supports_cbc(backend, algorithm):
    # ok: static-iv (the mode object only asks what the backend supports; nothing is encrypted)
    return backend.cipher_supported(algorithm, modes.CBC(b"\x00" * algorithm.block_size))
