# SPDX-License-Identifier: GPL-3.0-or-later
"""A translation catalogue: valid, complete, with the language's plural forms.

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


def covers_every_string_of_the_sources():
    # The template is generated from POTFILES.in as `meson compile findings-explorer-pot` does;
    # strings added since the catalogue was last updated are reported, not failed, so that new
    # code does not wait for its translation (the catalogue is updated before a release).
    if shutil.which("xgettext") is None:
        raise AssertionError("xgettext is not installed (gettext)")
    source_root = os.path.dirname(os.path.abspath(po_dir))
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, "template.pot")
        subprocess.run(["xgettext", "--from-code=UTF-8", "--add-comments", "-k_", "-kN_",
                        "-kC_:1c,2", "-kNC_:1c,2", "-kg_dngettext:2,3",
                        "-f", os.path.join(po_dir, "POTFILES.in"), "-D", source_root,
                        "-o", pot],
                       check=True, capture_output=True, text=True)
        wanted = {(e.get("msgctxt"), e["msgid"]) for e in entries(pot) if e["msgid"]}
    translated = {(e.get("msgctxt"), e["msgid"]) for e in entries(po_path)
                  if e["msgid"] and (e.get("msgstr") or e.get("msgstr[0]"))}
    missing = sorted(wanted - translated, key=lambda k: k[1])
    for _, msgid in missing:
        print(f"# not yet translated: {msgid!r}")
    if missing:
        raise Todo(f"{len(missing)} source strings await their translation")


class Todo(Exception):
    """A known gap: reported as TAP "not ok … # TODO", which does not fail the suite."""


def main():
    tests = [msgfmt_check_passes_with_nothing_untranslated_or_fuzzy, listed_in_linguas,
             plural_forms_are_the_languages, covers_every_string_of_the_sources]
    print(f"1..{len(tests)}")
    failed = 0
    for number, function in enumerate(tests, 1):
        try:
            function()
            print(f"ok {number} {function.__name__}")
        except Todo as todo:
            print(f"not ok {number} {function.__name__} # TODO {todo}")
        except Exception:  # report every failure and go on to the next test
            failed += 1
            print(f"not ok {number} {function.__name__}")
            for line in traceback.format_exc().splitlines():
                print(f"# {line}")
    sys.exit(1 if failed else 0)


main()
