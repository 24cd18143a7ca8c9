import os
import shlex
import subprocess
import subprocess as sp
from os import execvp
from subprocess import Popen as P


def run_tool(command_line):
    # expect: subprocess-untrusted-program
    subprocess.run(shlex.split(command_line), check=True)


def convert(converter, src, dst):
    # expect: subprocess-untrusted-program
    sp.check_call([converter, src, dst])


def open_in_editor(path):
    editor = os.environ.get("EDITOR", "vi")
    # expect: subprocess-untrusted-program
    P([editor, path]).wait()


def replace_process(program, args):
    # expect: subprocess-untrusted-program
    execvp(program, args)


def background(mode, binary):
    # expect: subprocess-untrusted-program
    os.spawnv(mode, binary, [binary, "--daemon"])


def command_string(line):
    # expect: subprocess-untrusted-program
    subprocess.call(line, shell=False)


def other_executable(args, exe):
    # expect: subprocess-untrusted-program
    subprocess.Popen(args, executable=exe)


def prefixed(tool, args):
    base = [tool, "--quiet"]
    # expect: subprocess-untrusted-program
    subprocess.run(base + args)


def open_document(name):
    # expect: subprocess-untrusted-program
    os.startfile(name)


def from_request(request):
    # expect: subprocess-untrusted-program
    subprocess.run([request.args["tool"], "--version"])
