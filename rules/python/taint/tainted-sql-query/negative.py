import sqlite3

from fastapi import Depends, FastAPI
from flask import request

app = FastAPI()
conn = sqlite3.connect("app.db")
COLUMNS = ("id", "name", "created")


def parametrised():
    name = request.args["name"]
    # ok: tainted-sql-query (the value is a parameter, not part of the SQL text)
    conn.execute("SELECT * FROM users WHERE name = ?", (name,))


def number():
    user_id = int(request.args["id"])
    # ok: tainted-sql-query (an integer)
    conn.execute(f"SELECT * FROM users WHERE id = {user_id}")


def order_by():
    column = request.args.get("sort")
    if column not in COLUMNS:
        column = "id"
    # ok: tainted-sql-query (checked against an allow-list; otherwise replaced)
    conn.execute("SELECT * FROM users ORDER BY " + column)


@app.get("/items/{item_id}")
def typed(item_id: int, db=Depends(lambda: conn)):
    # ok: tainted-sql-query (FastAPI converts the parameter to int; db is injected)
    return db.execute(f"SELECT * FROM items WHERE id = {item_id}")


def constant():
    # ok: tainted-sql-query
    conn.execute("SELECT count(*) FROM users")
