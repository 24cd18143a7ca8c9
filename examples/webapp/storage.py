"""Item storage on SQLite: the clean module of the example project.

Every query is parameterised, file names are fixed, and nothing is evaluated or unpickled.
"""
import json
import sqlite3
from typing import Iterable


class ItemStore:
    """Stores inventory items in a SQLite database."""

    def __init__(self, path: str) -> None:
        self.connection = sqlite3.connect(path)
        self.connection.execute(
            "CREATE TABLE IF NOT EXISTS items (id INTEGER PRIMARY KEY, name TEXT, qty INTEGER)")

    def add_many(self, items: Iterable[dict]) -> int:
        """Inserts items and returns how many were added."""
        rows = [(str(item["name"]), int(item.get("qty", 0))) for item in items]
        self.connection.executemany("INSERT INTO items (name, qty) VALUES (?, ?)", rows)
        self.connection.commit()
        return len(rows)

    def find(self, name: str) -> list:
        """Returns the items whose name contains `name`."""
        cursor = self.connection.execute(
            "SELECT id, name, qty FROM items WHERE name LIKE ?", (f"%{name}%",))
        return cursor.fetchall()

    def export_json(self) -> str:
        """Serialises every item as JSON."""
        rows = self.connection.execute("SELECT id, name, qty FROM items").fetchall()
        return json.dumps([{"id": r[0], "name": r[1], "qty": r[2]} for r in rows])
