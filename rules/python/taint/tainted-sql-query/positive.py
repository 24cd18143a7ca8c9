import sqlite3

from fastapi import FastAPI
from flask import request
from sqlalchemy import text

app = FastAPI()
conn = sqlite3.connect("app.db")


def by_name():
    name = request.args["name"]
    cur = conn.cursor()
    # expect: tainted-sql-query
    cur.execute("SELECT * FROM users WHERE name = '%s'" % name)


@app.get("/items/{item}")
def item(item: str, db=None):
    query = f"SELECT * FROM items WHERE slug = '{item}'"
    # expect: tainted-sql-query
    return db.execute(query)


def orm(session):
    order = request.args.get("order", "id")
    # expect: tainted-sql-query
    return session.execute(text("SELECT * FROM t ORDER BY " + order))


def django(request):
    from myapp.models import User
    # expect: tainted-sql-query
    return User.objects.raw("SELECT * FROM auth_user WHERE email = '" + request.POST["email"] + "'")


def where(column, value):
    return "SELECT * FROM users WHERE {} = '{}'".format(column, value)


def interprocedural():
    sql = where("email", request.args["email"])
    # expect: tainted-sql-query
    conn.executemany(sql, [])
