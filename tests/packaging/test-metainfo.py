# SPDX-License-Identifier: GPL-3.0-or-later
"""The merged AppStream metainfo: valid offline, translated, and consistent with the app.

test-metainfo.py METAINFO APP-ID
"""
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import tap  # noqa: E402

metainfo_path, app_id = sys.argv[1:3]
source_root = os.environ["FE_SOURCE_ROOT"]
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
RAW_PREFIX = "https://raw.githubusercontent.com/findings-explorer/findings-explorer/main/"

# What the validator may report without failing the test:
# - pedantic hints, such as the upper-case letters of the reverse-DNS app id;
# - <developer>, which AppStream 1.0 introduced and Debian 12's appstream 0.16 does not know
#   yet (it reports "unknown-tag developer" as an info). Newer validators know it.
ALLOWED = {("unknown-tag", "developer")}


def parse_issues(yaml_text):
    """The issues of `appstreamcli validate --format yaml`, without needing a YAML module."""
    issues = []
    for line in yaml_text.splitlines():
        match = re.match(r"^- tag: (\S+)", line)
        if match:
            issues.append({"tag": match.group(1)})
            continue
        match = re.match(r"^  (severity|hint|line): (.*)$", line)
        if match and issues:
            issues[-1][match.group(1)] = match.group(2).strip()
    return issues


@tap.test
def appstreamcli_validates_offline():
    if shutil.which("appstreamcli") is None:
        raise AssertionError("appstreamcli is not installed (appstream)")
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", "--pedantic", "--format", "yaml",
         metainfo_path],
        capture_output=True, text=True, check=False)
    issues = parse_issues(result.stdout)
    for issue in issues:
        print(f"# {issue.get('severity')}: {issue['tag']} {issue.get('hint', '')}")
    failing = [issue for issue in issues
               if issue.get("severity") != "pedantic"
               and (issue["tag"], issue.get("hint")) not in ALLOWED]
    assert "Passed: yes" in result.stdout, result.stdout + result.stderr
    assert not failing, failing


@tap.test
def describes_this_app():
    root = ET.parse(metainfo_path).getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == app_id
    launchable = root.find("launchable")
    assert launchable.get("type") == "desktop-id" and launchable.text == app_id + ".desktop"
    assert root.findtext("provides/binary") == "findings-explorer"
    translation = root.find("translation")
    assert translation.get("type") == "gettext" and translation.text == "findings-explorer"
    assert root.find("content_rating").get("type") == "oars-1.1"
    assert root.findtext("developer/name")
    colours = {c.get("scheme_preference"): c.text for c in root.findall("branding/color")}
    assert set(colours) == {"light", "dark"}, colours
    for url_type in ("homepage", "bugtracker", "vcs-browser"):
        assert root.find(f"url[@type='{url_type}']") is not None, url_type


@tap.test
def first_release_is_0_1_0():
    root = ET.parse(metainfo_path).getroot()
    release = root.find("releases/release")
    assert release.get("version") == "0.1.0" and release.get("date") == "2026-11-28"


@tap.test
def screenshots_are_the_ones_in_data_screenshots():
    root = ET.parse(metainfo_path).getroot()
    images = [image.text for image in root.findall("screenshots/screenshot/image")]
    assert len(images) >= 3
    for url in images:
        assert url.startswith(RAW_PREFIX), url
        path = os.path.join(source_root, url[len(RAW_PREFIX):])
        assert path.startswith(os.path.join(source_root, "data", "screenshots")), url
        assert os.path.isfile(path), f"{url}: no {path}"


@tap.test
def summary_description_and_captions_are_in_welsh():
    root = ET.parse(metainfo_path).getroot()
    for path in ("summary", "description/p", "screenshots/screenshot/caption"):
        welsh = [e for e in root.findall(path) if e.get(XML_LANG) == "cy"]
        assert welsh, f"no Welsh {path}"


tap.main()
