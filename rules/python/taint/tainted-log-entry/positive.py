import logging

from flask import request

logger = logging.getLogger(__name__)


def login():
    user = request.form["user"]
    # expect: tainted-log-entry
    logger.warning(f"failed login for {user}")


def audit(request):
    # expect: tainted-log-entry
    logging.info("search: " + request.GET["q"])
