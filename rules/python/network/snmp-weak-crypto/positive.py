from pysnmp.entity import config
from pysnmp.hlapi import UsmUserData, usm3DESEDEPrivProtocol, usmDESPrivProtocol
from pysnmp.hlapi import usmHMACSHAAuthProtocol


def defaults(user, auth_key, priv_key):
    # expect: snmp-weak-crypto
    return UsmUserData(user, auth_key, priv_key)


def explicit_des(user, auth_key, priv_key):
    # expect: snmp-weak-crypto
    return UsmUserData(
        user, auth_key, priv_key, authProtocol=usmHMACSHAAuthProtocol, privProtocol=usmDESPrivProtocol
    )


def triple_des(user, auth_key, priv_key):
    # expect: snmp-weak-crypto
    return UsmUserData(user, auth_key, priv_key, usmHMACSHAAuthProtocol, usm3DESEDEPrivProtocol)


def md5_only(user, auth_key):
    # expect: snmp-weak-crypto
    return UsmUserData(user, authKey=auth_key)


def agent(engine, auth_key, priv_key):
    # expect: snmp-weak-crypto
    config.addV3User(
        engine, "usr", config.usmHMACMD5AuthProtocol, auth_key, config.usmDESPrivProtocol, priv_key
    )
