# SPDX-License-Identifier: GPL-3.0-or-later
"""The Flatpak manifest, checked without a Flatpak runtime.

test-manifest.py MANIFEST MESON-OPTIONS APP-ID
"""
import json
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import tap  # noqa: E402

manifest_path, options_path, app_id = sys.argv[1:4]

FINISH_ARGS = ["--share=ipc", "--socket=fallback-x11", "--socket=wayland", "--device=dri"]
LIBCSV_URL = "https://github.com/rgamble/libcsv.git"
LIBCSV_COMMIT = "b1d5212831842ee5869d99bc208a21837e4037d5"
# What meson.build asks for and the GNOME runtime already has (json-glib included; libarchive
# and libxml2 come from the freedesktop SDK the GNOME runtime is built on): no module builds
# these. Anything else needs a module of its own, named here.
FROM_RUNTIME = {"glib-2.0", "gobject-2.0", "gio-2.0", "json-glib-1.0", "libarchive", "libxml-2.0",
                "cairo", "pangocairo", "gtk4", "libadwaita-1", "m"}
BUILT_BY_MODULE = {"csv": "libcsv", "readstat": "readstat"}
READSTAT_URL = "https://github.com/WizardMac/ReadStat/releases/download/v1.1.9/readstat-1.1.9.tar.gz"


def manifest():
    with open(manifest_path, encoding="utf-8") as f:
        return json.load(f)


def module(name):
    modules = [m for m in manifest()["modules"] if isinstance(m, dict) and m["name"] == name]
    assert len(modules) == 1, f"{len(modules)} modules named {name}"
    return modules[0]


def meson_options():
    with open(options_path, encoding="utf-8") as f:
        return set(re.findall(r"""^\s*option\(\s*['"]([^'"]+)['"]""", f.read(), re.M))


@tap.test
def is_valid_json_for_this_app():
    m = manifest()
    assert m.get("id", m.get("app-id")) == app_id
    assert m["runtime"] == "org.gnome.Platform" and m["sdk"] == "org.gnome.Sdk"
    assert m["runtime-version"] == "50"
    assert m["command"] == "findings-explorer"


@tap.test
def sandbox_is_exactly_ipc_display_and_gpu():
    # No network and no file system: files come and go through the portal-backed chooser.
    assert manifest()["finish-args"] == FINISH_ARGS, manifest()["finish-args"]


@tap.test
def locales_stay_in_the_app_for_single_file_bundles():
    assert manifest()["separate-locales"] is False


@tap.test
def libcsv_is_pinned():
    libcsv = module("libcsv")
    assert libcsv["buildsystem"] == "autotools"
    assert libcsv["config-opts"] == ["--disable-static"]
    (source,) = libcsv["sources"]
    assert source == {"type": "git", "url": LIBCSV_URL, "commit": LIBCSV_COMMIT}, source


@tap.test
def readstat_is_a_pinned_release():
    readstat = module("readstat")
    assert readstat["buildsystem"] == "autotools"
    (source,) = readstat["sources"]
    assert source["type"] == "archive" and source["url"] == READSTAT_URL, source
    assert re.fullmatch(r"[0-9a-f]{64}", source["sha256"]), source


@tap.test
def app_builds_from_this_checkout_and_runs_its_tests():
    names = [m["name"] for m in manifest()["modules"]]
    assert names[-1] == "findings-explorer" and names.index("libcsv") < len(names) - 1, names
    app = module("findings-explorer")
    assert app["buildsystem"] == "meson"
    assert app["sources"] == [{"type": "dir", "path": ".."}]
    assert app["run-tests"] is True


@tap.test
def every_dependency_comes_from_the_runtime_or_a_module():
    meson_build = os.path.join(os.path.dirname(options_path), "meson.build")
    with open(meson_build, encoding="utf-8") as f:
        wanted = set(re.findall(r"""\b(?:dependency|find_library)\(\s*['"]([^'"]+)['"]""",
                                f.read()))
    assert "json-glib-1.0" in wanted, wanted
    for name in wanted:
        assert name in FROM_RUNTIME or name in BUILT_BY_MODULE, \
            f"{name}: neither in the GNOME runtime nor built by a module"
    modules = {m["name"] for m in manifest()["modules"]}
    assert modules == set(BUILT_BY_MODULE.values()) | {"findings-explorer"}, modules


@tap.test
def config_opts_are_options_meson_options_defines():
    defined = meson_options()
    assert defined, "meson_options.txt defines no options"
    for opt in module("findings-explorer").get("config-opts", []):
        match = re.fullmatch(r"-D([A-Za-z0-9_-]+)=.*", opt)
        assert match, f"{opt}: not a -Doption=value"
        assert match.group(1) in defined, f"{opt}: meson_options.txt defines {sorted(defined)}"


tap.main()
