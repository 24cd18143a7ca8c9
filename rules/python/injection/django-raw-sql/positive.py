from django.contrib.auth.models import User
from django.db.models import expressions
from django.db.models.expressions import RawSQL as Raw


def cheaper_than(limit):
    # expect: django-raw-sql
    return User.objects.extra(where=["id < " + limit])


def ordered(column):
    # expect: django-raw-sql
    return User.objects.all().extra(select={"key": f"lower({column})"})


def annotated(expression):
    # expect: django-raw-sql
    return User.objects.annotate(val=Raw(expression, []))


def by_name(name):
    query = "SELECT * FROM auth_user WHERE username = '%s'" % name
    # expect: django-raw-sql
    return User.objects.raw(query)


def joined(table):
    # expect: django-raw-sql
    return User.objects.extra(tables=[table])


def module_alias(sql):
    # expect: django-raw-sql
    return User.objects.annotate(val=expressions.RawSQL(sql=sql, params=[]))


def positional_select(column):
    # expect: django-raw-sql
    return User.objects.extra(dict(val=column))
