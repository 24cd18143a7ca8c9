import hashlib

from flask import request


def store_password(user_name, password):
    # expect: unsalted-password-hash
    hashed = hashlib.sha256(password.encode("utf-8")).hexdigest()
    return save_login(user_name, hashed)


def register():
    password = request.form["password"]
    # expect: unsalted-password-hash
    return save_login(request.form["username"], hashlib.md5(password.encode()).hexdigest())


def store_by_update(user_name, newPassword):
    # expect: unsalted-password-hash
    hasher = hashlib.new("sha512")
    hasher.update(newPassword)
    return save_login(user_name, hasher.digest())


def with_fixed_pepper(credentials):
    # expect: unsalted-password-hash
    return hashlib.sha256(b"pepper" + credentials["passwd"]).hexdigest()


def save_login(user_name, hashed):
    return (user_name, hashed)
