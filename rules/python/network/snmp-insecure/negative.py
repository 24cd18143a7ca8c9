from pysnmp.entity import config
from pysnmp.hlapi import UsmUserData, usmAesCfb128Protocol, usmHMAC192SHA256AuthProtocol


def auth_priv(user, auth_key, priv_key):
    # ok: snmp-insecure
    return UsmUserData(
        user,
        auth_key,
        priv_key,
        authProtocol=usmHMAC192SHA256AuthProtocol,
        privProtocol=usmAesCfb128Protocol,
    )


def agent(engine, auth_key, priv_key):
    # ok: snmp-insecure
    config.addV3User(
        engine, "usr", config.usmHMACSHAAuthProtocol, auth_key, config.usmAesCfb128Protocol, priv_key
    )


class CommunityData:
    def __init__(self, name):
        self.name = name


def local_class():
    # ok: snmp-insecure (a local class, not pysnmp's)
    return CommunityData("public")


def forwarded(user, **keys):
    # ok: snmp-insecure (the keys may be in **keys)
    return UsmUserData(user, **keys)
