import shutil
import tarfile
import zipfile
from tarfile import data_filter


def unpack(path, dest):
    with tarfile.open(path) as tar:
        # ok: tarfile-unsafe-extract
        tar.extractall(dest, filter="data")


def unpack_function(path, dest):
    tar = tarfile.open(path)
    # ok: tarfile-unsafe-extract (tarfile's own data filter)
    tar.extractall(dest, filter=data_filter)


def readme(path, dest):
    # ok: tarfile-unsafe-extract
    tarfile.open(path).extract("README", dest, filter="tar")


def custom(path, dest, checked):
    tar = tarfile.open(path)
    # ok: tarfile-unsafe-extract (a filter function of the program's own)
    tar.extractall(dest, filter=checked)


def nothing(path, dest):
    tar = tarfile.open(path)
    # ok: tarfile-unsafe-extract (an empty member list extracts nothing)
    tar.extractall(dest, members=[])


def unzip(path, dest):
    with zipfile.ZipFile(path) as archive:
        # ok: tarfile-unsafe-extract (zipfile strips absolute names and `..`)
        archive.extractall(dest)


def unpack_zip(path, dest):
    # ok: tarfile-unsafe-extract
    shutil.unpack_archive(path, dest, format="zip")


def unpack_filtered(path, dest):
    # ok: tarfile-unsafe-extract
    shutil.unpack_archive(path, dest, filter="data")
