# A Django settings module (it defines INSTALLED_APPS and ROOT_URLCONF).
from os import environ as env_vars

import environ

env = environ.Env()

INSTALLED_APPS = ["django.contrib.admin", "django.contrib.auth", "shop"]
ROOT_URLCONF = "shop.urls"

# expect: django-debug-true
DEBUG = True

# expect: django-debug-true
DEBUG = env.bool("DJANGO_DEBUG", default=True)

# expect: django-debug-true
DEBUG = env_vars.get("DJANGO_DEBUG", "1")
