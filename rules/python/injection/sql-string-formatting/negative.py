import logging

TABLE = "users"
LOG = logging.getLogger(__name__)


def parameterised(cursor, name):
    # ok: sql-string-formatting
    cursor.execute("SELECT * FROM users WHERE name = %s", (name,))


def constant_format(cursor):
    # ok: sql-string-formatting (every inserted value is a constant)
    cursor.execute("SELECT * FROM {}".format(TABLE))


def not_sql(runner, task):
    # ok: sql-string-formatting (formatted, but not a SQL statement)
    runner.execute("run task %s now" % task)


def logged(name):
    # ok: sql-string-formatting (not passed to an executor)
    LOG.info("select %s from the menu", name)
