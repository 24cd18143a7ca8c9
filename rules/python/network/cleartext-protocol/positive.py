import ftplib
import imaplib
import poplib
import smtplib as mail
import telnetlib
from ftplib import FTP as Ftp


def router_shell(host, user, password):
    # expect: cleartext-protocol
    tn = telnetlib.Telnet(host)
    tn.write(user.encode() + b"\n" + password.encode() + b"\n")


def download(host, name):
    # expect: cleartext-protocol
    with Ftp(host) as ftp:
        ftp.login("backup", "s3cret")
        ftp.retrbinary("RETR " + name, open(name, "wb").write)


def mirror(host):
    # expect: cleartext-protocol
    return ftplib.FTP(host, "anonymous", "")


def send(host, user, password, msg):
    # expect: cleartext-protocol
    server = mail.SMTP(host, 587)
    server.login(user, password)
    server.send_message(msg)


def mailbox(host, user, password):
    # expect: cleartext-protocol
    box = poplib.POP3(host)
    box.user(user)
    box.pass_(password)


def inbox(host, user, password):
    # expect: cleartext-protocol
    conn = imaplib.IMAP4(host)
    conn.login(user, password)


def connect(host):
    # expect: cleartext-protocol
    return mail.SMTP(host)
