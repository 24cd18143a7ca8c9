from pysnmp.entity import config
from pysnmp.hlapi import UsmUserData, usmAesCfb128Protocol, usmHMAC192SHA256AuthProtocol


def strong(user, auth_key, priv_key):
    # ok: snmp-weak-crypto
    return UsmUserData(
        user,
        auth_key,
        priv_key,
        authProtocol=usmHMAC192SHA256AuthProtocol,
        privProtocol=usmAesCfb128Protocol,
    )


def agent(engine, auth_key, priv_key):
    # ok: snmp-weak-crypto
    config.addV3User(
        engine, "usr", config.usmHMAC192SHA256AuthProtocol, auth_key,
        config.usmAesCfb128Protocol, priv_key,
    )


def no_keys(user):
    # ok: snmp-weak-crypto (no cryptography at all: that is snmp-insecure's finding)
    return UsmUserData(user)


def agent_keys_without_protocols(engine, auth_key):
    # ok: snmp-weak-crypto (addV3User uses no protocol unless one is named)
    config.addV3User(engine, "usr", authKey=auth_key)
