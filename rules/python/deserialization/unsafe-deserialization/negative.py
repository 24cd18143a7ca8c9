import json
import pickle


def save(obj, path):
    with open(path, "wb") as fh:
        # ok: unsafe-deserialization (serialising is safe)
        pickle.dump(obj, fh)


def restore(text):
    # ok: unsafe-deserialization
    return json.loads(text)


class Store:
    def loads(self, blob):
        return blob


def method_named_loads(blob):
    # ok: unsafe-deserialization
    return Store().loads(blob)
