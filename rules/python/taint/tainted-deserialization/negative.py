import json

import yaml
from flask import request


def restore():
    # ok: tainted-deserialization (JSON cannot run code)
    return json.loads(request.cookies["state"])


def config(request):
    # ok: tainted-deserialization (the safe loader)
    return yaml.load(request.body, Loader=yaml.SafeLoader)
