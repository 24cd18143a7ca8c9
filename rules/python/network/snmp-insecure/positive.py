from pysnmp.entity import config
from pysnmp.hlapi import CommunityData, UsmUserData
from pysnmp.hlapi.v3arch import asyncio as snmp


def v1(community):
    # expect: snmp-insecure
    return CommunityData(community, mpModel=0)


def v2c(community):
    # expect: snmp-insecure
    return snmp.CommunityData(community)


def no_auth_no_priv(user):
    # expect: snmp-insecure
    return UsmUserData(user)


def auth_no_priv(user, auth_key):
    # expect: snmp-insecure
    return UsmUserData(user, auth_key)


def explicit_no_priv(user, auth_key):
    # expect: snmp-insecure
    return snmp.UsmUserData(user, authKey=auth_key, privProtocol=snmp.usmNoPrivProtocol)


def agent(engine):
    # expect: snmp-insecure
    config.addV1System(engine, "my-area", "public")
    # expect: snmp-insecure
    config.addV3User(engine, "usr-sha-none", config.usmHMACSHAAuthProtocol, "authkey1")
