from Crypto.Cipher import AES
from Cryptodome.Cipher import AES as DomeAES
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes


def gcm(key, data):
    # ok: ecb-mode
    return AES.new(key, AES.MODE_GCM).encrypt_and_digest(data)


def ctr(key, nonce):
    # ok: ecb-mode
    return DomeAES.new(key, DomeAES.MODE_CTR, nonce=nonce)


def hazmat_cbc(key, iv):
    # ok: ecb-mode
    return Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()


def options_from_caller(key, **options):
    # ok: ecb-mode (the mode may be in **options)
    return AES.new(key, **options)


def pycryptodomex_needs_a_mode(key):
    # ok: ecb-mode (Cryptodome requires a mode; this call raises TypeError instead)
    return DomeAES.new(key)
