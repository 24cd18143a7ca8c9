import base64
import pickle

import yaml
from flask import request


def restore():
    blob = base64.b64decode(request.cookies["state"])
    # expect: tainted-deserialization
    return pickle.loads(blob)


def config(request):
    # expect: tainted-deserialization
    return yaml.load(request.body, Loader=yaml.Loader)
