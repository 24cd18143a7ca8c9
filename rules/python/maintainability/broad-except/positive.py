import json
import logging

LOG = logging.getLogger(__name__)


def load(path):
    try:
        with open(path) as f:
            return json.load(f)
    # expect: broad-except
    except:
        return None


def remove(client, server_id):
    try:
        client.delete(server_id)
    # expect: broad-except
    except Exception:
        server_id = None


def status(client, server_id):
    try:
        return client.get(server_id)["status"]
    # expect: broad-except
    except Exception as e:
        return "UNKNOWN"


def stop(worker):
    try:
        worker.join()
    # expect: broad-except
    except (BaseException, ValueError):
        worker.stopped = True


def cleanup(client, server_id):
    try:
        client.delete(server_id)
    # expect: broad-except
    except:
        LOG.warning("could not delete %s", server_id)
        raise
