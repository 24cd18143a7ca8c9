from django.contrib.auth.models import User
from django.db.models.expressions import RawSQL

WHERE = ["is_active = true"]
SECURE = "secure"


def parameters(limit):
    # ok: django-raw-sql
    return User.objects.extra(where=["id < %s"], params=[limit])


def module_constant():
    # ok: django-raw-sql
    return User.objects.extra(where=WHERE)


def folded():
    # ok: django-raw-sql
    return User.objects.annotate(val=RawSQL("%s" % SECURE, []))


def raw_with_params(name):
    # ok: django-raw-sql
    return User.objects.raw("SELECT * FROM auth_user WHERE username = %s", [name])


def formatted_constant():
    # ok: django-raw-sql
    return User.objects.extra(select={"test": "{}secure".format("no")})


class Packet:
    def raw(self, data):
        return data


def not_django(data):
    # ok: django-raw-sql
    return Packet().raw(data)
