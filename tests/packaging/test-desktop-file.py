# SPDX-License-Identifier: GPL-3.0-or-later
"""The merged desktop file: valid, translated, and launching the app the way it is installed.

test-desktop-file.py DESKTOP-FILE DBUS-SERVICE-FILE APP-ID
"""
import configparser
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import tap  # noqa: E402

desktop_path, service_path, app_id = sys.argv[1:4]


def read_entry(path, group):
    parser = configparser.RawConfigParser(strict=True, interpolation=None)
    parser.optionxform = str  # keys are case-sensitive: Name[cy]
    with open(path, encoding="utf-8") as f:
        parser.read_file(f)
    return parser[group]


@tap.test
def desktop_file_validate_reports_no_error_or_warning():
    if shutil.which("desktop-file-validate") is None:
        raise AssertionError("desktop-file-validate is not installed (desktop-file-utils)")
    result = subprocess.run(["desktop-file-validate", desktop_path],
                            capture_output=True, text=True, check=False)
    print("\n".join("# " + line for line in result.stdout.splitlines()))
    # Hints are advice (Education and Science are both main categories, as the issue asks);
    # errors and warnings are not.
    bad = [line for line in result.stdout.splitlines()
           if ": error: " in line or ": warning: " in line]
    assert result.returncode == 0 and not bad, result.stdout + result.stderr


@tap.test
def launches_the_app_and_opens_csv_files():
    entry = read_entry(desktop_path, "Desktop Entry")
    assert entry["Type"] == "Application"
    assert entry["Icon"] == app_id
    assert entry["Exec"].split()[0] == "findings-explorer", entry["Exec"]
    # The app reads local paths (g_file_get_path), so the launcher passes files, not URIs.
    assert entry["Exec"].split()[-1] in ("%F", "%f"), entry["Exec"]
    mime_types = entry["MimeType"].rstrip(";").split(";")
    assert mime_types[0] == "text/csv", entry["MimeType"]
    for other in ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                  "application/x-spss-sav", "application/x-spss-por", "application/x-stata-dta"):
        assert other in mime_types, entry["MimeType"]
    assert entry["Categories"] == "Education;Science;DataVisualization;"
    assert entry["StartupNotify"] == "true"
    assert entry["Terminal"] == "false"


@tap.test
def dbus_activation_has_its_service_file():
    entry = read_entry(desktop_path, "Desktop Entry")
    assert entry.get("DBusActivatable") == "true"
    service = read_entry(service_path, "D-BUS Service")
    assert service["Name"] == app_id
    command = service["Exec"].split()
    assert os.path.isabs(command[0]) and os.path.basename(command[0]) == "findings-explorer"
    assert command[1:] == ["--gapplication-service"], service["Exec"]


@tap.test
def name_comment_and_keywords_are_in_welsh():
    entry = read_entry(desktop_path, "Desktop Entry")
    for key in ("Name", "Comment", "Keywords"):
        assert f"{key}[cy]" in entry, f"{key}[cy] is missing"
    assert entry["Comment[cy]"] != entry["Comment"]
    # A search in either language finds the app.
    welsh_keywords = entry["Keywords[cy]"].split(";")
    for keyword in entry["Keywords"].split(";"):
        assert keyword in welsh_keywords, keyword
    assert "arolwg" in welsh_keywords


tap.main()
