import paramiko
from Crypto.PublicKey import RSA
from Cryptodome.PublicKey import ECC
from cryptography.hazmat.primitives.asymmetric import ec, rsa


def rsa_key():
    # ok: weak-crypto-key
    return rsa.generate_private_key(public_exponent=65537, key_size=3072)


def ec_key():
    # ok: weak-crypto-key
    return ec.generate_private_key(ec.SECP256R1())


def pycrypto():
    # ok: weak-crypto-key
    return RSA.generate(2048)


def pycryptodome_ecc():
    # ok: weak-crypto-key
    return ECC.generate(curve="P-256")


def configured(size):
    # ok: weak-crypto-key (the size is not known here)
    return rsa.generate_private_key(public_exponent=65537, key_size=size)


def paramiko_rsa():
    # ok: weak-crypto-key
    return paramiko.RSAKey.generate(bits=4096)
