import yaml
from yaml import CSafeLoader


def parse(text):
    # ok: yaml-unsafe-load
    return yaml.safe_load(text)


def parse_with_loader(text):
    # ok: yaml-unsafe-load
    return yaml.load(text, Loader=yaml.SafeLoader)


def parse_c(text):
    # ok: yaml-unsafe-load
    return yaml.load(text, CSafeLoader)


def dump(data):
    # ok: yaml-unsafe-load
    return yaml.dump(data)
