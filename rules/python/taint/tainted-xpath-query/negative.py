from flask import request
from lxml import etree


def user():
    root = etree.parse("users.xml")
    # ok: tainted-xpath-query (an XPath variable)
    return root.xpath("//user[@name=$name]/home/text()", name=request.args["name"])
