import os
import subprocess


def end_of_options(directory):
    # ok: wildcard-injection
    os.system(f"cd {directory} && tar czf /var/backups/site.tgz -- *")


def anchored():
    # ok: wildcard-injection
    os.system("chown www-data /srv/uploads/*")


def dot_anchored():
    # ok: wildcard-injection
    os.system("chmod 600 ./*")


def quoted():
    # ok: wildcard-injection
    os.system("tar czf out.tgz '*'")


def no_shell():
    # ok: wildcard-injection (no shell, no expansion)
    subprocess.run(["/bin/chown", "root", "*"])


def shell_off():
    # ok: wildcard-injection
    subprocess.Popen("/bin/chmod 600 *")


def other_program():
    # ok: wildcard-injection
    os.system("ls -l *")
