# expect: pycrypto-unmaintained
from Crypto.Cipher import AES
# expect: pycrypto-unmaintained
import Crypto.Hash.SHA256 as sha
# expect: pycrypto-unmaintained
from Crypto import Random


def encrypt(key, data):
    iv = Random.new().read(AES.block_size)
    return iv + AES.new(key, AES.MODE_CFB, iv).encrypt(data)


def digest(data):
    return sha.new(data).hexdigest()
