# SPDX-License-Identifier: GPL-3.0-or-later
"""The Flatpak manifest has what a build of this checkout needs, checked without a runtime:
every library meson.build asks for comes from the runtime or a module built before the app,
every download is pinned to its content, the sandbox asks for no more than the app uses, and
the options and commands it gives the build exist.

test-manifest.py MANIFEST MESON-OPTIONS APP-ID
"""
import json
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import tap  # noqa: E402

manifest_path, options_path, app_id = sys.argv[1:4]
source_root = os.path.dirname(os.path.abspath(options_path))

# What the GNOME Platform runtime ships (its pkg-config names and libraries; libarchive and
# libxml2 come from the freedesktop SDK it is built on). A dependency not here must be built by
# a module of the manifest.
GNOME_RUNTIME = {"glib-2.0", "gobject-2.0", "gio-2.0", "json-glib-1.0", "cairo", "pangocairo",
                 "pango", "gtk4", "libadwaita-1", "m", "gio-unix-2.0", "gmodule-2.0",
                 "libarchive", "libxml-2.0"}
# Finish-args that open the sandbox beyond what a document-based app needs: files come and go
# through the portal-backed file chooser, and nothing is fetched from the network.
FORBIDDEN_FINISH_ARGS = re.compile(
    r"^--(filesystem=.*|share=network|device=all|socket=(x11|session-bus|system-bus|ssh-auth|"
    r"pcsc|cups|gpg-agent)|talk-name=org\.freedesktop\.Flatpak.*|own-name=.*"
    r"|system-talk-name=.*|allow=devel)$")


def manifest():
    with open(manifest_path, encoding="utf-8") as f:
        return json.load(f)


def modules():
    """Every module, nested ones included, in build order."""
    def walk(items):
        for item in items:
            assert isinstance(item, dict), \
                f"{item}: a module in a file of its own is not checked here; inline it"
            yield from walk(item.get("modules", []))
            yield item
    return list(walk(manifest()["modules"]))


def meson_files():
    for directory, subdirs, files in os.walk(source_root):
        subdirs[:] = [d for d in subdirs if not d.startswith((".", "_build", "build"))
                      and d != "subprojects"]
        if "meson.build" in files:
            with open(os.path.join(directory, "meson.build"), encoding="utf-8") as f:
                yield f.read()


def wanted_libraries():
    """Every library meson.build files ask for: dependency('x') and find_library('x'), with
    whether the build fails without it."""
    wanted = {}
    call = re.compile(r"""\b(dependency|find_library)\(\s*['"]([^'"]+)['"]([^)]*)\)""")
    for text in meson_files():
        for _kind, name, rest in call.findall(text):
            optional = re.search(r"required\s*:\s*false", rest) is not None
            wanted[name] = wanted.get(name, False) or not optional
    return wanted


def library_of_module(module):
    """The libraries a module installs, as meson.build names them: libcsv builds csv."""
    name = module["name"]
    return {name, name[3:]} if name.startswith("lib") else {name}


def installed_executables():
    names = set()
    for text in meson_files():
        for name, args in re.findall(r"""\bexecutable\(\s*['"]([^'"]+)['"](.*?)\n\)""", text,
                                     re.S):
            if re.search(r"install\s*:\s*true", args):
                names.add(name)
    return names


@tap.test
def names_this_app_and_the_command_it_installs():
    m = manifest()
    assert m.get("id", m.get("app-id")) == app_id, m.get("id")
    # The runtime and the SDK it builds with are the same platform, at one version.
    assert m["sdk"] == m["runtime"].replace(".Platform", ".Sdk"), (m["runtime"], m["sdk"])
    assert m["runtime"] == "org.gnome.Platform", "GNOME_RUNTIME above lists the GNOME runtime's"
    assert isinstance(m["runtime-version"], str) and m["runtime-version"], m["runtime-version"]
    # Flatpak runs "command" from /app/bin: it must be what meson installs there.
    assert m["command"] in installed_executables(), (m["command"], installed_executables())


@tap.test
def every_library_comes_from_the_runtime_or_a_module_built_before_the_app():
    wanted = wanted_libraries()
    assert "json-glib-1.0" in wanted and "csv" in wanted, wanted
    built = modules()
    app = built[-1]
    assert app["buildsystem"] == "meson" and app.get("sources") == [{"type": "dir",
                                                                       "path": ".."}], \
        "the last module builds this checkout"
    assert os.path.samefile(os.path.join(os.path.dirname(manifest_path), ".."), source_root)
    provided = set().union(*(library_of_module(m) for m in built[:-1]))
    for name, required in wanted.items():
        if name in GNOME_RUNTIME:
            continue
        assert not required or name in provided, \
            f"{name}: meson.build needs it, the runtime lacks it, and no module builds it"
    # And no module is built for nothing.
    for m in built[:-1]:
        assert library_of_module(m) & set(wanted), f"{m['name']}: nothing in meson.build uses it"


@tap.test
def every_download_is_pinned_to_its_content():
    built = modules()
    for index, m in enumerate(built):
        for source in m.get("sources", []):
            if isinstance(source, str):
                raise AssertionError(f"{m['name']}: {source}: a source in a file of its own")
            kind = source["type"]
            where = f"{m['name']}: {source.get('url', source.get('path'))}"
            if kind == "git":
                # A branch or tag moves; only a commit names the code that was reviewed.
                assert re.fullmatch(r"[0-9a-f]{40}", source.get("commit", "")), \
                    f"{where}: a git source without a full commit"
                assert source["url"].startswith("https://"), f"{where}: not fetched over TLS"
            elif kind in ("archive", "file"):
                assert re.fullmatch(r"[0-9a-f]{64}", source.get("sha256", "")), \
                    f"{where}: a download without its sha256"
                assert source["url"].startswith("https://"), f"{where}: not fetched over TLS"
            elif kind == "dir":
                assert index == len(built) - 1, f"{where}: only the app builds from the checkout"
            elif kind not in ("patch", "shell", "script"):
                raise AssertionError(f"{where}: a {kind} source is not checked here")


@tap.test
def sandbox_asks_for_the_display_and_nothing_more():
    args = manifest().get("finish-args", [])
    for arg in args:
        assert not FORBIDDEN_FINISH_ARGS.match(arg), f"{arg}: opens the sandbox for nothing"
    # A window needs a display: Wayland, X11 only as the fallback, and IPC that X11 needs.
    assert "--socket=wayland" in args, args
    assert "--socket=fallback-x11" in args and "--share=ipc" in args, args
    assert len(args) == len(set(args)), f"repeated: {args}"


@tap.test
def every_language_is_in_the_app():
    # A chart or pack in Welsh is drawn from share/locale/cy whatever the session's language
    # (FeCatalog): locales split into an extension would only be there for the session's own.
    assert manifest().get("separate-locales") is False


@tap.test
def build_options_and_test_commands_exist():
    app = modules()[-1]
    with open(options_path, encoding="utf-8") as f:
        defined = dict(re.findall(
            r"""^\s*option\(\s*['"]([^'"]+)['"]\s*,\s*type\s*:\s*['"]([a-z]+)['"]""", f.read(),
            re.M))
    assert defined, "meson_options.txt defines no options"
    values = {}
    for opt in app.get("config-opts", []):
        match = re.fullmatch(r"-D([A-Za-z0-9_-]+)=(.*)", opt)
        assert match, f"{opt}: not a -Doption=value"
        name, value = match.groups()
        assert name in defined, f"{opt}: meson_options.txt defines {sorted(defined)}"
        if defined[name] == "boolean":
            assert value in ("true", "false"), f"{opt}: a boolean"
        values[name] = value
    if app.get("run-tests"):
        # The tests run in the build, without a display: they must be built, and the suites
        # that need a display (app) left out.
        assert values.get("tests", "true") == "true", "run-tests without -Dtests=true"
        commands = app.get("test-commands", [])
        assert commands and all("--no-suite app" in c for c in commands
                                if c.startswith("meson test")), commands
        suites = set()
        for text in meson_files():
            suites |= set(re.findall(r"""suite\s*:\s*['"]([^'"]+)['"]""", text))
        for command in commands:
            for suite in re.findall(r"--(?:no-)?suite[= ](\S+)", command):
                assert suite in suites, f"{command}: there is no suite {suite} ({sorted(suites)})"


tap.main()
