# ok: pycrypto-unmaintained (pycryptodomex installs `Cryptodome`)
from Cryptodome.Cipher import AES
# ok: pycrypto-unmaintained
import Cryptodome.Hash.SHA256 as sha
# ok: pycrypto-unmaintained
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
# ok: pycrypto-unmaintained (a relative import of a local module)
from . import CryptoMaterials


def encrypt(key, nonce, data):
    return AESGCM(key).encrypt(nonce, data, None)


def legacy(key, data):
    return AES.new(key, AES.MODE_GCM).encrypt_and_digest(data), sha.new(data)


def local():
    return CryptoMaterials
