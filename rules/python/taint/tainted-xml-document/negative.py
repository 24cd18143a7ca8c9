import defusedxml.ElementTree as ET
from flask import request
from lxml import etree


def upload():
    # ok: tainted-xml-document (defusedxml)
    return ET.fromstring(request.get_data())


def constant():
    # ok: tainted-xml-document
    return etree.fromstring(b"<a/>")
