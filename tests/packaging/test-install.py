# SPDX-License-Identifier: GPL-3.0-or-later
"""`meson install --destdir` lays the app out where a desktop finds it.

test-install.py BUILDDIR APP-ID PREFIX BINDIR DATADIR LOCALEDIR
"""
import configparser
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import tap  # noqa: E402

builddir, app_id, prefix, bindir, datadir, localedir = sys.argv[1:7]
destdir = tempfile.mkdtemp(prefix="fe-install-")


def under_prefix(option):
    return option if os.path.isabs(option) else os.path.join(prefix, option)


def installed(*parts):
    """The path of an installed file: DESTDIR + an absolute path under the prefix."""
    path = os.path.join(*parts)
    return os.path.join(destdir, path.lstrip("/"))


BIN = under_prefix(bindir)
DATA = under_prefix(datadir)
LOCALE = under_prefix(localedir)


@tap.test
def meson_install_succeeds():
    result = subprocess.run(
        ["meson", "install", "-C", builddir, "--no-rebuild", "--destdir", destdir],
        capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


@tap.test
def binary_and_sample_study():
    binary = installed(BIN, "findings-explorer")
    assert os.path.isfile(binary) and os.access(binary, os.X_OK), binary
    for name in ("responses.csv", "codebook.csv", "coding.csv", "README.md"):
        path = installed(DATA, "findings-explorer", "sample", name)
        assert os.path.isfile(path), path


@tap.test
def desktop_integration():
    expected = [
        ("applications", app_id + ".desktop"),
        ("metainfo", app_id + ".metainfo.xml"),
        ("icons", "hicolor", "scalable", "apps", app_id + ".svg"),
        ("icons", "hicolor", "symbolic", "apps", app_id + "-symbolic.svg"),
        ("glib-2.0", "schemas", app_id + ".gschema.xml"),
        ("dbus-1", "services", app_id + ".service"),
    ]
    for parts in expected:
        path = installed(DATA, *parts)
        assert os.path.isfile(path), path


@tap.test
def welsh_catalogue():
    path = installed(LOCALE, "cy", "LC_MESSAGES", "findings-explorer.mo")
    assert os.path.isfile(path), path


@tap.test
def dbus_service_starts_the_installed_binary():
    service = configparser.RawConfigParser()
    service.optionxform = str
    service.read(installed(DATA, "dbus-1", "services", app_id + ".service"))
    assert service["D-BUS Service"]["Exec"].split()[0] == os.path.join(BIN, "findings-explorer")


@tap.test
def installed_app_runs_in_welsh_from_its_own_catalogue():
    env = dict(os.environ, LANGUAGE="cy", LC_ALL="C.UTF-8",
               FE_LOCALEDIR=installed(LOCALE),
               FE_SAMPLE_DIR=installed(DATA, "findings-explorer", "sample"))
    result = subprocess.run([installed(BIN, "findings-explorer"), "summary", "--sample"],
                            capture_output=True, text=True, env=env, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert "Ymatebwyr: 95" in result.stdout, result.stdout


try:
    tap.main()
finally:
    shutil.rmtree(destdir, ignore_errors=True)
