from __future__ import print_function

from six.moves import input


def ask_name():
    # ok: python2-input
    return input("Name: ")


def ask_age(read=input):
    # ok: python2-input
    return int(read("Age: "))
