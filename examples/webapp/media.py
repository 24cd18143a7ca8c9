"""Pictures of inventory items: thumbnails made with ImageMagick."""
import subprocess


def make_thumbnail(picture: str) -> bytes:
    """Returns a 64x64 PNG thumbnail of the picture file `picture`."""
    command = f"convert {picture} -resize 64x64 png:-"
    return subprocess.check_output(command, shell=True)
