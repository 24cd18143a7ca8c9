import xml.etree.ElementTree as ET
import defusedxml.ElementTree as SafeET
from defusedxml.minidom import parseString as parse_xml
from xml.dom.minidom import parseString

TEMPLATE = "<config><debug>false</debug></config>"


def load_config(path):
    # ok: xml-entity-expansion (defusedxml)
    return SafeET.parse(path).getroot()


def dom(data):
    # ok: xml-entity-expansion (defusedxml)
    return parse_xml(data)


def default_config():
    # ok: xml-entity-expansion (a constant document without a DTD)
    return ET.fromstring(TEMPLATE)


def empty():
    # ok: xml-entity-expansion (a constant document without a DTD)
    return parseString(b"<root/>")


def build():
    # ok: xml-entity-expansion (building a tree parses nothing)
    return ET.Element("root")
