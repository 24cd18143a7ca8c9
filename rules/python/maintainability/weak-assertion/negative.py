import unittest


class ServerTest(unittest.TestCase):
    def test_status(self):
        server = self.api.get_server("s1")
        # ok: weak-assertion (already the specific assertion)
        self.assertEqual("ACTIVE", server["status"])
        # ok: weak-assertion
        self.assertIsNone(server.get("fault"))
        # ok: weak-assertion
        self.assertIn("host", server)
        # ok: weak-assertion (a plain truth test has nothing more specific)
        self.assertTrue(server["locked"])
        # ok: weak-assertion (identity with a bool literal is the strict form)
        self.assertIs(server["locked"], True)
        # ok: weak-assertion (len() compared with 0 is left alone)
        self.assertTrue(len(server["addresses"]) == 0)
        # ok: weak-assertion (chained comparison)
        self.assertTrue(0 <= server["progress"] <= 100)
        # ok: weak-assertion (not (a < b) is not a >= b for sets)
        self.assertFalse({"a"} < set(server))
        # ok: weak-assertion (a local function named isinstance)
        self.assertTrue(isinstance(server, "v2.1"))


def isinstance(obj, version):
    return obj.get("version") == version
