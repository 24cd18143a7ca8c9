from flask import request
from lxml import etree


def upload():
    body = request.get_data()
    # expect: tainted-xml-document
    return etree.fromstring(body)


def django(request):
    # expect: tainted-xml-document
    return etree.XML(request.body)
