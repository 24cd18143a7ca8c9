import sqlite3

import sqlalchemy


def find_user(conn, name):
    cursor = conn.cursor()
    # expect: sql-string-formatting
    cursor.execute("SELECT * FROM users WHERE name = '%s'" % name)
    return cursor.fetchone()


def delete_order(cursor, order_id):
    # expect: sql-string-formatting
    cursor.execute(f"DELETE FROM orders WHERE id = {order_id}")


def rename(db, old, new):
    query = "UPDATE users SET name = '{}' WHERE name = '{}'".format(new, old)
    # expect: sql-string-formatting
    db.execute(query)


def count(engine, table):
    with engine.connect() as conn:
        # expect: sql-string-formatting
        return conn.execute(sqlalchemy.text("SELECT count(*) FROM " + table))


def open_db(path, column):
    conn = sqlite3.connect(path)
    # expect: sql-string-formatting
    conn.executemany("INSERT INTO log (%s) VALUES (?)" % column, [(1,), (2,)])
