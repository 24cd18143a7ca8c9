import json
import logging

LOG = logging.getLogger(__name__)


def load(path):
    try:
        with open(path) as f:
            return json.load(f)
    # ok: broad-except (specific exceptions)
    except (OSError, ValueError):
        return None


def remove(client, server_id):
    try:
        client.delete(server_id)
    # ok: broad-except (re-raises)
    except Exception:
        client.rollback()
        raise


def status(client, server_id):
    try:
        return client.get(server_id)["status"]
    # ok: broad-except (logs the error)
    except Exception:
        LOG.exception("status of %s failed", server_id)
        return "UNKNOWN"


def describe(client, server_id):
    try:
        return client.get(server_id)
    # ok: broad-except (uses the bound exception)
    except Exception as e:
        return {"error": str(e)}


def cleanup(client, server_id):
    try:
        client.delete(server_id)
    # ok: broad-except (only `pass`: reported by the security rule try-except-pass instead)
    except Exception:
        pass
