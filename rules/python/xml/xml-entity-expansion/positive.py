import xml.etree.ElementTree as ET
import xml.sax
from xml.dom.minidom import parseString as parse_xml
from xmlrpc.server import SimpleXMLRPCServer


def load_config(path):
    # expect: xml-entity-expansion
    return ET.parse(path).getroot()


def read_body(request):
    # expect: xml-entity-expansion
    return ET.fromstring(request.body)


def incremental(chunks):
    # expect: xml-entity-expansion
    parser = ET.XMLParser()
    for chunk in chunks:
        parser.feed(chunk)
    return parser.close()


def sax_events(stream, handler):
    # expect: xml-entity-expansion
    xml.sax.parse(stream, handler)


def dom(data):
    # expect: xml-entity-expansion
    return parse_xml(data)


def bomb():
    doc = '<!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><x>&b;</x>'
    # expect: xml-entity-expansion
    return ET.fromstring(doc)


def serve():
    # expect: xml-entity-expansion
    server = SimpleXMLRPCServer(("127.0.0.1", 8000))
    server.serve_forever()
