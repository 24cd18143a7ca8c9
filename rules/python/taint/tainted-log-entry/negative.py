import json
import logging

from flask import request

logger = logging.getLogger(__name__)


def login():
    # ok: tainted-log-entry (JSON-encoded: line breaks are escaped)
    logger.warning("failed login for " + json.dumps(request.form["user"]))


def not_a_logger(window):
    # ok: tainted-log-entry (not a logger)
    window.info(request.args["x"])
