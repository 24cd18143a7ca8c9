import yaml
from yaml import load


def parse(text):
    # expect: yaml-unsafe-load
    return yaml.load(text, Loader=yaml.Loader)


def parse_default(text):
    # expect: yaml-unsafe-load
    return load(text)


def parse_unsafe(text):
    # expect: yaml-unsafe-load
    return yaml.unsafe_load(text)


def parse_all(stream):
    # expect: yaml-unsafe-load
    return list(yaml.load_all(stream, yaml.UnsafeLoader))
