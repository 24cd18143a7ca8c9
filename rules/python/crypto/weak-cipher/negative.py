import os

from Crypto.Cipher import AES
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM, ChaCha20Poly1305


def aes_gcm(key, data):
    # ok: weak-cipher
    return AESGCM(key).encrypt(os.urandom(12), data, None)


def pycryptodome_aes(key, data):
    # ok: weak-cipher
    cipher = AES.new(key, AES.MODE_GCM)
    return cipher.encrypt_and_digest(data)


def hazmat_aes(key, iv):
    # ok: weak-cipher
    return Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()


def chacha(key, nonce, data):
    # ok: weak-cipher
    return ChaCha20Poly1305(key).encrypt(nonce, data, None)


class DES:
    @staticmethod
    def new(key):
        return key


def local_class_named_des(key):
    # ok: weak-cipher (a local class, not PyCrypto's DES)
    return DES.new(key)
