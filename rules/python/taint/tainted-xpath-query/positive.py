from flask import request
from lxml import etree


def user():
    root = etree.parse("users.xml")
    name = request.args["name"]
    # expect: tainted-xpath-query
    return root.xpath(f"//user[@name='{name}']/home/text()")


def compiled(request):
    # expect: tainted-xpath-query
    find = etree.XPath("//item[@id='%s']" % request.GET["id"])
    return find
