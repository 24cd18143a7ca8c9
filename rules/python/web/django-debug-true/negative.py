# A Django settings module (it defines INSTALLED_APPS and ROOT_URLCONF).
import os

INSTALLED_APPS = ["django.contrib.admin", "django.contrib.auth", "shop"]
ROOT_URLCONF = "shop.urls"

# ok: django-debug-true
DEBUG = False

# ok: django-debug-true (off unless the environment turns it on)
DEBUG = os.environ.get("DJANGO_DEBUG") == "1"

# ok: django-debug-true (defaults to off)
DEBUG = os.getenv("DJANGO_DEBUG", "false").lower() == "true"


class Flags:
    # ok: django-debug-true (not a module-level setting)
    DEBUG = True


def configure(settings):
    # ok: django-debug-true (a local variable)
    DEBUG = True
    settings.configure(DEBUG=DEBUG)
