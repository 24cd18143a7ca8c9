import xml.sax
from lxml import etree
from lxml import etree as ET
from lxml.etree import XMLParser, iterparse
from xml.sax.handler import feature_external_ges

SAFE = XMLParser(resolve_entities=False, no_network=True)


def parse_upload(data):
    # ok: xml-external-entity
    parser = etree.XMLParser(resolve_entities=False)
    return etree.fromstring(data, parser=parser)


def parse_shared(path):
    # ok: xml-external-entity (an explicit parser; its construction is checked where it is made)
    return ET.parse(path, SAFE)


def stream(path):
    # ok: xml-external-entity
    for _, element in iterparse(path, resolve_entities="internal"):
        yield element


def constant():
    # ok: xml-external-entity (a constant document without a DTD)
    return etree.fromstring(b"<root><item/></root>")


def sax_without_entities(stream, handler):
    parser = xml.sax.make_parser()
    # ok: xml-external-entity
    parser.setFeature(feature_external_ges, False)
    parser.setContentHandler(handler)
    parser.parse(stream)
