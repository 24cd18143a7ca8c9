import os
import shutil
import socket
import subprocess
import tempfile
import threading
import unittest
from unittest import mock

import fixtures


class CleanStoreTest(unittest.TestCase):
    def setUp(self):
        super().setUp()
        # ok: test-resource-without-cleanup (removed in tearDown)
        self.tmpdir = tempfile.mkdtemp()
        # ok: test-resource-without-cleanup (stopped by mock.patch.stopall)
        self.mock_time = mock.patch("time.time", return_value=0).start()
        self.addCleanup(mock.patch.stopall)
        # ok: test-resource-without-cleanup (a fixture cleans up after itself)
        self.workdir = self.useFixture(fixtures.TempDir()).path
        # ok: test-resource-without-cleanup (inside a directory a fixture removes)
        self.subdir = tempfile.mkdtemp(dir=self.workdir)

    def tearDown(self):
        shutil.rmtree(self.tmpdir)
        super().tearDown()

    def test_local_dir(self):
        # ok: test-resource-without-cleanup
        tmpdir = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, tmpdir)
        self.assertTrue(os.path.isdir(tmpdir))


class PatcherTest(unittest.TestCase):
    def test_patcher_stopped(self):
        patcher = mock.patch.object(os, "getcwd", return_value="/")
        # ok: test-resource-without-cleanup
        patcher.start()
        self.addCleanup(patcher.stop)
        self.assertEqual(os.getcwd(), "/")

    def test_thread(self):
        worker = threading.Thread(target=print)
        # ok: test-resource-without-cleanup (a thread, not a patcher)
        worker.start()
        worker.join()

    def test_socket(self):
        # ok: test-resource-without-cleanup (closed by the with statement)
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
        # ok: test-resource-without-cleanup
        other = socket.socket()
        other.close()

    def test_process(self):
        # ok: test-resource-without-cleanup
        proc = subprocess.Popen(["true"])
        proc.wait()

    def test_files(self):
        # ok: test-resource-without-cleanup (deleted on close)
        tmp = tempfile.NamedTemporaryFile()
        tmp.close()
        # ok: test-resource-without-cleanup
        fd, path = tempfile.mkstemp()
        os.close(fd)
        self.addCleanup(os.remove, path)


class Helpers:
    def make_dir(self):
        # ok: test-resource-without-cleanup (not a test method: the caller owns it)
        return tempfile.mkdtemp()


class MockedTest(unittest.TestCase):
    # ok: test-resource-without-cleanup (mkdtemp is mocked for this test)
    @mock.patch("tempfile.mkdtemp")
    def test_mocked(self, mock_mkdtemp):
        path = tempfile.mkdtemp()
        self.assertIs(path, mock_mkdtemp.return_value)

    def test_expected_failure(self):
        with self.assertRaises(OSError):
            # ok: test-resource-without-cleanup (creation is expected to fail)
            proc = subprocess.Popen(["/nonexistent"])

    def test_handed_off(self):
        # ok: test-resource-without-cleanup (given to a helper that closes it)
        sock = socket.socket()
        self._check_and_close(sock)

    def _check_and_close(self, sock):
        sock.close()
