import xml.sax
from lxml import etree
from lxml import etree as ET
from lxml.etree import XMLParser, iterparse
from xml.sax.handler import feature_external_ges


def parse_upload(data):
    # expect: xml-external-entity
    parser = XMLParser(resolve_entities=True)
    return etree.fromstring(data, parser=parser)


def parse_default(path):
    # expect: xml-external-entity
    return ET.parse(path)


def stream(path):
    # expect: xml-external-entity
    for _, element in iterparse(path):
        yield element


def old_style(data):
    # expect: xml-external-entity
    parser = etree.XMLParser(remove_blank_text=True)
    return etree.XML(data, parser)


def fetching(path):
    # expect: xml-external-entity
    parser = etree.XMLParser(resolve_entities=False, no_network=False, load_dtd=True)
    return etree.parse(path, parser)


def sax_with_entities(stream, handler):
    parser = xml.sax.make_parser()
    # expect: xml-external-entity
    parser.setFeature(feature_external_ges, True)
    parser.setContentHandler(handler)
    parser.parse(stream)
