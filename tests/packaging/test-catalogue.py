# SPDX-License-Identifier: GPL-3.0-or-later
"""A translation catalogue: valid, complete against the sources, with the language's plural forms.

test-catalogue.py PO-DIR LANG
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import traceback

po_dir, lang = sys.argv[1:3]
po_path = os.path.join(po_dir, lang + ".po")

PLURAL_FORMS = {
    "cy": (6, "nplurals=6; plural=(n==0) ? 0 : (n==1) ? 1 : (n==2) ? 2 : (n==3) ? 3 : "
              "(n==6) ? 4 : 5;"),
}


def unquote(text):
    return bytes(text, "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")


def entries(path):
    """The active entries of a PO file as dicts of msgid, msgid_plural, msgstr[N]…"""
    result, current, key = [], None, None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#~"):
                if current is not None and not line.startswith("#~"):
                    result.append(current)
                    current = None
                continue
            if line.startswith("#"):
                continue
            if current is None:
                current = {}
            match = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?) (".*")$', line)
            if match:
                key = match.group(1)
                current[key] = unquote(match.group(2)[1:-1])
            elif line.startswith('"'):
                current[key] += unquote(line[1:-1])
    if current is not None:
        result.append(current)
    return result


def msgfmt(*args):
    if shutil.which("msgfmt") is None:
        raise AssertionError("msgfmt is not installed (gettext)")
    return subprocess.run(["msgfmt", *args, "-o", os.devnull, po_path],
                          capture_output=True, text=True, check=False)


def listed_in_linguas():
    with open(os.path.join(po_dir, "LINGUAS"), encoding="utf-8") as f:
        languages = [w for line in f for w in line.split("#")[0].split()]
    assert lang in languages, languages


def msgfmt_check_passes_with_nothing_untranslated_or_fuzzy():
    result = msgfmt("--check", "--check-accelerators=_", "--statistics")
    print(f"# {result.stderr.strip()}")
    assert result.returncode == 0, result.stderr
    statistics = result.stderr.strip().splitlines()[-1]
    assert re.fullmatch(r"\d+ translated messages?\.", statistics), statistics


def plural_forms_are_the_languages():
    header = next(e for e in entries(po_path) if e.get("msgid") == "")
    nplurals, expression = PLURAL_FORMS[lang]
    assert f"Plural-Forms: {expression}\n" in header["msgstr"], header["msgstr"]
    for entry in entries(po_path):
        if "msgid_plural" in entry:
            forms = sorted(k for k in entry if k.startswith("msgstr["))
            assert forms == [f"msgstr[{i}]" for i in range(nplurals)], (entry["msgid"], forms)
            assert all(entry[k] for k in forms), entry["msgid"]


# The template as `meson compile findings-explorer-pot` makes it: i18n.gettext(preset: 'glib').
XGETTEXT_GLIB = [
    "--from-code=UTF-8", "--add-comments",
    "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
    "--keyword=g_dcgettext:2", "--keyword=g_dngettext:2,3", "--keyword=g_dpgettext2:2c,3",
    "--flag=N_:1:pass-c-format", "--flag=C_:2:pass-c-format", "--flag=NC_:2:pass-c-format",
    "--flag=g_dngettext:2:pass-c-format", "--flag=g_strdup_printf:1:c-format",
    "--flag=g_string_printf:2:c-format", "--flag=g_string_append_printf:2:c-format",
    "--flag=g_error_new:3:c-format", "--flag=g_set_error:4:c-format",
    "--flag=g_markup_printf_escaped:1:c-format", "--flag=g_log:3:c-format",
    "--flag=g_print:1:c-format", "--flag=g_printerr:1:c-format", "--flag=g_printf:1:c-format",
    "--flag=g_fprintf:2:c-format", "--flag=g_sprintf:2:c-format",
    "--flag=g_snprintf:3:c-format",
]


def gettext_tool(name):
    if shutil.which(name) is None:
        raise Skip(f"{name} is not installed (gettext)")
    return name


def run_tool(*args):
    result = subprocess.run(args, capture_output=True, text=True, check=False)
    assert result.returncode == 0, f"{' '.join(args[:2])}…: {result.stderr}"
    return result


def covers_every_string_of_the_sources():
    # The catalogue is merged with a template made from the sources as they are now, as
    # `msgmerge --update` would: a string added since is untranslated, a string changed since is
    # fuzzy, and either fails, so that no part of the app is left in English.
    xgettext, msgmerge, msgattrib = (gettext_tool(name) for name in
                                     ("xgettext", "msgmerge", "msgattrib"))
    source_root = os.path.dirname(os.path.abspath(po_dir))
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, "template.pot")
        merged = os.path.join(tmp, "merged.po")
        run_tool(xgettext, *XGETTEXT_GLIB, "-f", os.path.join(po_dir, "POTFILES.in"),
                 "-D", source_root, "-o", pot)
        run_tool(msgmerge, "--quiet", "--no-wrap", "-o", merged, po_path, pot)
        gaps = {}
        for kind, option in (("untranslated", "--untranslated"), ("fuzzy", "--only-fuzzy")):
            listing = os.path.join(tmp, kind + ".po")
            run_tool(msgattrib, option, "--no-obsolete", "--no-wrap", "-o", listing, merged)
            gaps[kind] = [e for e in entries(listing) if e.get("msgid")] \
                if os.path.exists(listing) else []
        obsolete = subprocess.run([msgattrib, "--only-obsolete", "--no-wrap", merged],
                                  capture_output=True, text=True, check=False).stdout
    for kind, found in gaps.items():
        for entry in found:
            context = f" [{entry['msgctxt']}]" if "msgctxt" in entry else ""
            print(f"# {kind}{context}: {entry['msgid']!r}")
    for line in obsolete.splitlines():
        if line.startswith("#~ msgid "):
            print(f"# no longer in the sources: {line[len('#~ msgid '):]}")
    counts = ", ".join(f"{len(found)} {kind}" for kind, found in gaps.items())
    assert not any(gaps.values()), (
        f"{counts} against the sources: run `meson compile findings-explorer-pot`, then "
        f"`msgmerge --update {lang}.po findings-explorer.pot` in po/ and translate them")


class Skip(Exception):
    """A test that cannot run here: reported as TAP "ok … # SKIP", which does not fail."""


def main():
    tests = [msgfmt_check_passes_with_nothing_untranslated_or_fuzzy, listed_in_linguas,
             plural_forms_are_the_languages, covers_every_string_of_the_sources]
    print(f"1..{len(tests)}")
    failed = 0
    for number, function in enumerate(tests, 1):
        try:
            function()
            print(f"ok {number} {function.__name__}")
        except Skip as skip:
            print(f"ok {number} {function.__name__} # SKIP {skip}")
        except Exception:  # report every failure and go on to the next test
            failed += 1
            print(f"not ok {number} {function.__name__}")
            for line in traceback.format_exc().splitlines():
                print(f"# {line}")
    sys.exit(1 if failed else 0)


main()
