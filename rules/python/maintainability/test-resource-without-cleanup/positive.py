import os
import socket
import subprocess
import tempfile
import unittest
from unittest import mock


class StoreTest(unittest.TestCase):
    def setUp(self):
        super().setUp()
        # expect: test-resource-without-cleanup
        self.tmpdir = tempfile.mkdtemp()
        # expect: test-resource-without-cleanup
        self.mock_time = mock.patch("time.time", return_value=0).start()

    def test_patched_cwd(self):
        patcher = mock.patch.object(os, "getcwd", return_value=self.tmpdir)
        # expect: test-resource-without-cleanup
        patcher.start()
        self.assertEqual(os.getcwd(), self.tmpdir)

    def test_socket(self):
        # expect: test-resource-without-cleanup
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind(("127.0.0.1", 0))
        self.assertTrue(sock.getsockname()[1])

    def test_server_process(self):
        # expect: test-resource-without-cleanup
        proc = subprocess.Popen(["sleep", "60"])
        self.assertIsNone(proc.poll())

    def test_mkstemp(self):
        # expect: test-resource-without-cleanup
        fd, path = tempfile.mkstemp()
        os.write(fd, b"data")
        os.close(fd)
        self.assertTrue(os.path.exists(path))

    def test_named(self):
        # expect: test-resource-without-cleanup
        tmp = tempfile.NamedTemporaryFile(delete=False)
        tmp.write(b"data")
        tmp.close()
        self.assertTrue(os.path.exists(tmp.name))
