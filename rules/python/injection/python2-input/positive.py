import sys


def ask_count():
    print "How many copies?"
    # expect: python2-input
    count = input("> ")
    return count


def ask_name():
    return raw_input("Name: ")


def main():
    # expect: python2-input
    copies = input()
    sys.exit(copies)
