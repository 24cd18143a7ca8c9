import paramiko
from Crypto.PublicKey import RSA as pycrypto_rsa
from Cryptodome.PublicKey import DSA, ECC
from cryptography.hazmat.primitives.asymmetric import dh, ec, rsa
from cryptography.hazmat.primitives.asymmetric import dsa as dsa_keys

SMALL = 1024


def rsa_key():
    # expect: weak-crypto-key
    return rsa.generate_private_key(public_exponent=65537, key_size=1024)


def rsa_positional():
    # expect: weak-crypto-key
    return rsa.generate_private_key(3, 512)


def dsa_key():
    # expect: weak-crypto-key
    return dsa_keys.generate_private_key(key_size=SMALL)


def ec_key():
    # expect: weak-crypto-key
    return ec.generate_private_key(ec.SECP192R1())


def ec_class():
    # expect: weak-crypto-key
    return ec.generate_private_key(curve=ec.SECT163R2)


def dh_group():
    # expect: weak-crypto-key
    return dh.generate_parameters(generator=2, key_size=1024)


def pycrypto():
    # expect: weak-crypto-key
    return pycrypto_rsa.generate(1024)


def pycryptodome_dsa():
    # expect: weak-crypto-key
    return DSA.generate(bits=1024)


def pycryptodome_ecc():
    # expect: weak-crypto-key
    return ECC.generate(curve="P-192")


def paramiko_default():
    # expect: weak-crypto-key
    return paramiko.DSSKey.generate()
