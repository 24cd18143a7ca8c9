from Crypto.Cipher import AES
from Crypto.Cipher import DES3 as TripleDes
import Cryptodome.Cipher.AES
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.modes import ECB as ElectronicCodebook

MODE = AES.MODE_ECB


def explicit(key, data):
    # expect: ecb-mode
    return AES.new(key, AES.MODE_ECB).encrypt(data)


def by_keyword(key):
    # expect: ecb-mode
    return TripleDes.new(key, mode=TripleDes.MODE_ECB)


def through_a_constant(key):
    # expect: ecb-mode
    return Cryptodome.Cipher.AES.new(key, MODE)


def pycrypto_default(key, data):
    # expect: ecb-mode
    return AES.new(key).encrypt(data)


def hazmat(key):
    # expect: ecb-mode
    return Cipher(algorithms.AES(key), modes.ECB()).encryptor()


def hazmat_alias(key):
    # expect: ecb-mode
    return Cipher(algorithms.AES(key), ElectronicCodebook()).encryptor()
