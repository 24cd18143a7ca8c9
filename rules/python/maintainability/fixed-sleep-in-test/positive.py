import time
import unittest


class WorkerTest(unittest.TestCase):
    def setUp(self):
        self.queue = []
        # expect: fixed-sleep-in-test
        time.sleep(1)

    def test_processes_job(self):
        self.queue.append("job")
        # expect: fixed-sleep-in-test
        time.sleep(2.5)
        self.assertEqual(self.queue, ["job"])


def test_module_level_function():
    # expect: fixed-sleep-in-test
    time.sleep(0.5)
