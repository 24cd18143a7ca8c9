import ldap
import ldap3
from flask import request


def find():
    user = request.args["user"]
    conn = ldap3.Connection(ldap3.Server("ldap://ldap"), auto_bind=True)
    # expect: tainted-ldap-query
    conn.search("dc=example,dc=com", f"(uid={user})")


def legacy(request):
    dc = request.GET["dc"]
    conn = ldap.initialize("ldap://ldap")
    # expect: tainted-ldap-query
    return conn.search_s("dc=" + dc, ldap.SCOPE_SUBTREE, "(objectClass=person)")
