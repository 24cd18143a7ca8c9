# A Django settings module (it defines INSTALLED_APPS).
import os
from os import getenv as env

INSTALLED_APPS = ["django.contrib.admin", "django.contrib.auth", "shop"]

# expect: django-allowed-hosts-all
ALLOWED_HOSTS = ["*"]

# expect: django-allowed-hosts-all
ALLOWED_HOSTS = ["shop.example.com", "*"]

# expect: django-allowed-hosts-all
ALLOWED_HOSTS = os.environ.get("DJANGO_ALLOWED_HOSTS", "*").split(",")

# expect: django-allowed-hosts-all
ALLOWED_HOSTS = env("DJANGO_ALLOWED_HOSTS", "*").split(",")

# expect: django-allowed-hosts-all
ALLOWED_HOSTS += ["*"]
