# SPDX-License-Identifier: GPL-3.0-or-later
"""DBusActivatable=true holds: a session bus that knows only our service file starts the app
when a launcher asks it to open a file, and the app answers on its app id.

test-dbus-activation.py BINARY APP-ID   (needs a display and dbus-daemon, else skipped)
"""
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import tap  # noqa: E402

binary, app_id = sys.argv[1:3]
object_path = "/" + app_id.replace(".", "/")

if not os.environ.get("DISPLAY") or not shutil.which("dbus-daemon") or not shutil.which("gdbus"):
    print("1..0 # SKIP needs a display, dbus-daemon and gdbus")
    sys.exit(0)

CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir={tmp}</listen>
  <servicedir>{tmp}/services</servicedir>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""

tmp = tempfile.mkdtemp(prefix="fe-dbus-")
os.mkdir(os.path.join(tmp, "services"))
with open(os.path.join(tmp, "session.conf"), "w", encoding="utf-8") as f:
    f.write(CONFIG.format(tmp=tmp))
# The installed service file names the installed binary; this one names the build's, with
# --gapplication-service as installed.
with open(os.path.join(tmp, "services", app_id + ".service"), "w", encoding="utf-8") as f:
    f.write(f"[D-BUS Service]\nName={app_id}\nExec={binary} --gapplication-service\n")

daemon = subprocess.Popen(
    ["dbus-daemon", "--config-file", os.path.join(tmp, "session.conf"), "--nofork",
     "--print-address=1"],
    stdout=subprocess.PIPE, text=True, env=dict(os.environ, G_DEBUG=""))
address = daemon.stdout.readline().strip()
bus_env = dict(os.environ, DBUS_SESSION_BUS_ADDRESS=address)


def gdbus(dest, path, method, *args):
    return subprocess.run(["gdbus", "call", "--session", "--dest", dest, "--object-path", path,
                           "--method", method, *args],
                          capture_output=True, text=True, env=bus_env, timeout=30, check=False)


def has_owner():
    result = gdbus("org.freedesktop.DBus", "/org/freedesktop/DBus",
                   "org.freedesktop.DBus.NameHasOwner", app_id)
    return result.stdout.strip() == "(true,)"


@tap.test
def opening_a_file_starts_the_app_on_the_bus():
    sample = os.path.join(os.environ["FE_SAMPLE_DIR"], "responses.csv")
    uri = "file://" + os.path.abspath(sample)
    result = gdbus(app_id, object_path, "org.freedesktop.Application.Open", f"['{uri}']", "{}")
    assert result.returncode == 0, result.stderr
    assert has_owner()


@tap.test
def the_app_quits_when_asked():
    result = gdbus(app_id, object_path, "org.freedesktop.Application.ActivateAction",
                   "quit", "[]", "{}")
    assert result.returncode == 0, result.stderr
    for _ in range(100):
        if not has_owner():
            return
        time.sleep(0.1)
    raise AssertionError("the app still owns its name")


try:
    tap.main()
finally:
    daemon.terminate()
    daemon.wait(timeout=10)
    shutil.rmtree(tmp, ignore_errors=True)
