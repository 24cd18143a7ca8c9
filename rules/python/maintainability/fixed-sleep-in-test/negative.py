import time
import unittest


class WorkerTest(unittest.TestCase):
    def test_yields_only(self):
        # ok: fixed-sleep-in-test
        time.sleep(0)

    def test_polls_in_a_loop(self):
        for _ in range(10):
            # ok: fixed-sleep-in-test
            time.sleep(0.5)

    def test_backoff(self, delay):
        # ok: fixed-sleep-in-test
        time.sleep(delay)


def wait_then_retry():
    # ok: fixed-sleep-in-test
    time.sleep(5)
