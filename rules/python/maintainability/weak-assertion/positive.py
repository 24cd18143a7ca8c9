import unittest


class ServerTest(unittest.TestCase):
    def test_status(self):
        server = self.api.get_server("s1")
        # expect: weak-assertion
        self.assertTrue(server["status"] == "ACTIVE")
        # expect: weak-assertion
        self.assertFalse(server["host"] == "host1", "server did not move")
        # expect: weak-assertion
        self.assertTrue(server.get("fault") is None)
        # expect: weak-assertion
        self.assertTrue("host" in server)
        # expect: weak-assertion
        self.assertFalse("task_state" in server)
        # expect: weak-assertion
        self.assertTrue(isinstance(server["id"], str))
        # expect: weak-assertion
        self.assertEqual(server.get("locked_by"), None)
        # expect: weak-assertion
        self.assertEqual(None, server.get("fault"))
        # expect: weak-assertion
        self.assertIs(server.get("error"), None)
        # expect: weak-assertion
        self.assertEqual(server["locked"], False, msg="locked")
        # expect: weak-assertion
        self.assertTrue(server["progress"] != 100)
        # expect: weak-assertion
        self.assertTrue(server.get("flavor") is not None)

    def test_migration(self):
        migration = self.api.get_migrations()[0]
        # expect: weak-assertion
        self.assertTrue(
            migration["status"] == "error")
        # expect: weak-assertion
        self.assertTrue(migration["dest_compute"] not in ("host1", None))
