import marshal
import pickle
import shelve

import jsonpickle
from dill import loads


def restore(blob):
    # expect: unsafe-deserialization
    return pickle.loads(blob)


def read_session(path):
    with open(path, "rb") as fh:
        # expect: unsafe-deserialization
        return pickle.load(fh)


def code_object(data):
    # expect: unsafe-deserialization
    return marshal.loads(data)


def remote_object(text):
    # expect: unsafe-deserialization
    return jsonpickle.decode(text)


def from_dill(blob):
    # expect: unsafe-deserialization
    return loads(blob)


def cache(path):
    # expect: unsafe-deserialization
    return shelve.open(path)
