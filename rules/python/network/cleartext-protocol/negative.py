import ftplib
import imaplib
import poplib
import smtplib
import ssl


def send(host, user, password, msg):
    # ok: cleartext-protocol (STARTTLS before login)
    server = smtplib.SMTP(host, 587)
    server.starttls(context=ssl.create_default_context())
    server.login(user, password)
    server.send_message(msg)


def send_with(host, msg):
    # ok: cleartext-protocol
    with smtplib.SMTP(host) as s:
        s.starttls()
        s.send_message(msg)


def local_relay(msg):
    # ok: cleartext-protocol (the local mail relay; nothing crosses the network)
    with smtplib.SMTP("localhost") as s:
        s.send_message(msg)


def secure_ftp(host):
    # ok: cleartext-protocol
    ftp = ftplib.FTP_TLS(host, context=ssl.create_default_context())
    ftp.login()
    ftp.prot_p()


def secure_mail(host):
    # ok: cleartext-protocol
    box = poplib.POP3_SSL(host)
    # ok: cleartext-protocol
    conn = imaplib.IMAP4_SSL(host)
    # ok: cleartext-protocol
    smtp = smtplib.SMTP_SSL(host)
    return box, conn, smtp


def imap_upgrade(host):
    # ok: cleartext-protocol
    conn = imaplib.IMAP4(host)
    conn.starttls(ssl_context=ssl.create_default_context())
    return conn
