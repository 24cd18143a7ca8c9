from Crypto.Cipher import ARC4
from Crypto.Cipher import DES as pycrypto_des
import Cryptodome.Cipher.Blowfish
from Cryptodome.Cipher import DES3, XOR
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.algorithms import TripleDES as TDES


def rc4_session(key, data):
    # expect: weak-cipher
    return ARC4.new(key).encrypt(data)


def des_ctr(key, nonce, data):
    # expect: weak-cipher
    cipher = pycrypto_des.new(key, pycrypto_des.MODE_CTR, nonce=nonce)
    return cipher.encrypt(data)


def blowfish(key, iv):
    # expect: weak-cipher
    return Cryptodome.Cipher.Blowfish.new(key, Cryptodome.Cipher.Blowfish.MODE_CBC, iv)


def triple_des(key, iv):
    # expect: weak-cipher
    return DES3.new(key, DES3.MODE_CBC, iv)


def obfuscate(key, data):
    # expect: weak-cipher
    return XOR.new(key).encrypt(data)


def hazmat_rc4(key):
    # expect: weak-cipher
    return Cipher(algorithms.ARC4(key), mode=None).encryptor()


def hazmat_cast5(key, iv):
    # expect: weak-cipher
    return Cipher(algorithms.CAST5(key), modes.CBC(iv)).encryptor()


def hazmat_3des(key, iv):
    # expect: weak-cipher
    return Cipher(TDES(key), modes.CBC(iv)).encryptor()
