import logging.config
from logging import config
from logging.config import listen as listen_for_config


def start():
    # expect: logging-config-listen
    thread = logging.config.listen(9999)
    thread.start()


def default_port():
    # expect: logging-config-listen
    return config.listen()


def explicit_none(port):
    # expect: logging-config-listen
    return listen_for_config(port, verify=None)
