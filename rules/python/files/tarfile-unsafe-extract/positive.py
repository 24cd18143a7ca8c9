import shutil
import tarfile
import tarfile as tf
from tarfile import open as open_tar


def unpack(path, dest):
    with tarfile.open(path) as tar:
        # expect: tarfile-unsafe-extract
        tar.extractall(dest)


def unpack_trusting(path, dest):
    archive = tf.open(path, "r:gz")
    # expect: tarfile-unsafe-extract
    archive.extractall(path=dest, filter="fully_trusted")


def one_by_one(path, dest):
    tar = open_tar(path)
    for member in tar.getmembers():
        # expect: tarfile-unsafe-extract
        tar.extract(member, dest)


def direct(path):
    # expect: tarfile-unsafe-extract
    tarfile.open(path).extractall()


def via_shutil(path, dest):
    # expect: tarfile-unsafe-extract
    shutil.unpack_archive(path, dest)


def selected(path, dest):
    tar = tarfile.open(path)
    # expect: tarfile-unsafe-extract (low confidence: members= may filter)
    tar.extractall(dest, members=safe_members(tar))


def safe_members(tar):
    return [m for m in tar.getmembers() if not m.name.startswith("/")]
