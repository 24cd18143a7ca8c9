import re

import ldap3
from flask import request
from ldap3.utils.conv import escape_filter_chars


def find():
    user = escape_filter_chars(request.args["user"])
    conn = ldap3.Connection(ldap3.Server("ldap://ldap"), auto_bind=True)
    # ok: tainted-ldap-query (escaped)
    conn.search("dc=example,dc=com", f"(uid={user})")


def regex():
    # ok: tainted-ldap-query (re.search is not an LDAP search)
    return re.search("[a-z]+", request.args["user"])


WORD = re.compile("[a-z]+")


def compiled_regex():
    # ok: tainted-ldap-query (a compiled pattern's search, not a connection's)
    return WORD.search(request.args["user"])
