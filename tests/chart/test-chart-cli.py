# SPDX-License-Identifier: GPL-3.0-or-later
"""`findings-explorer export`: every kind of the sample study in every format, light and dark,
with no display; the --layout JSON; and the usage errors and exit codes of the other verbs."""
import atexit
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from tap import main, run_cli, test  # noqa: E402

BINARY = sys.argv[1]
WORK = tempfile.mkdtemp(prefix="fe-chart-cli-")
atexit.register(shutil.rmtree, WORK, ignore_errors=True)
# Headless: the export verb must never need a display.
os.environ.pop("DISPLAY", None)
os.environ.pop("WAYLAND_DISPLAY", None)
SVG = "{http://www.w3.org/2000/svg}"

# One chart of each kind from the sample study.
CHARTS = [
    ("bar", ["--question", "vulnerabilities"]),
    ("grouped-bar", ["--question", "better_enabled", "--by", "force"]),
    ("stacked", ["--question", "training", "--by", "force"]),
    ("diverging", ["--question", "training_prepared", "--by", "force"]),
    ("heatmap", ["--question", "barriers", "--by", "role"]),
]


def export(*args, expect=0):
    return run_cli(BINARY, "export", "--sample", *args, expect=expect)


def out(name):
    return os.path.join(WORK, name)


def png_size(path):
    with open(path, "rb") as handle:
        header = handle.read(24)
    assert header[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", header[16:24])


def svg_texts(path):
    root = ElementTree.parse(path).getroot()
    assert root.tag == SVG + "svg", root.tag
    return [element.text for element in root.iter(SVG + "text")]


@test
def every_kind_in_every_format_light_and_dark():
    for kind, args in CHARTS:
        for dark in ([], ["--dark"]):
            stem = out(f"{kind}{'-dark' if dark else ''}")
            export(*args, "--kind", kind, *dark, "-o", stem + ".png")
            assert png_size(stem + ".png") == (800, 500), kind
            export(*args, "--kind", kind, *dark, "-o", stem + ".svg")
            assert svg_texts(stem + ".svg"), kind
            export(*args, "--kind", kind, *dark, "-o", stem + ".pdf")
            with open(stem + ".pdf", "rb") as handle:
                assert handle.read(5) == b"%PDF-", kind


@test
def size_and_scale():
    export("--question", "training", "--width", "480", "--height", "320", "--scale", "2",
           "-o", out("small@2.png"))
    assert png_size(out("small@2.png")) == (960, 640)
    export("--question", "training", "--width", "1280", "--height", "720", "--text-scale",
           "1.6", "-o", out("presentation.png"))
    assert png_size(out("presentation.png")) == (1280, 720)


@test
def layout_json_in_export_pixels():
    layout = out("layout.json")
    # Every force on its own: folded, Gwent would be part of "Other".
    export("--question", "vulnerabilities", "--by", "force", "--kind", "grouped-bar",
           "--no-fold", "--scale", "2", "--layout", layout, "-o", out("layout.png"))
    with open(layout, encoding="utf-8") as handle:
        data = json.load(handle)
    assert data["width"] == 1600 and data["height"] == 1000, data["width"]
    assert data["kind"] == "grouped-bar"
    assert data["segments"] and data["labels"]
    for segment in data["segments"]:
        assert set(segment) >= {"level", "group", "count", "base", "x", "y", "w", "h",
                                "description"}, segment
        assert 0 <= segment["x"] and segment["x"] + segment["w"] <= 1600.01
        assert 0 <= segment["y"] and segment["y"] + segment["h"] <= 1000.01
    south = [s for s in data["segments"]
             if s["description"].startswith("Substance use, South Wales Police: ")]
    # Held back: the unsplit count (printed by the bar chart and summary) less South Wales's
    # would be the three small forces' together, Gwent's known only to within them.
    assert len(south) == 1 and south[0]["disclosure"] == "hidden", south
    texts = [label["text"].replace("\u00a0", " ") for label in data["labels"]]
    assert "South Wales Police (n = 80)" in texts, texts
    # Gwent's 12 is held back: with it, Dyfed-Powys and North Wales ("< 5" each) would add up
    # to 95 - 80 - 12 = 3, so each 1 or 2.
    assert "Gwent Police (n hidden)" in texts, texts


@test
def filter_and_title_are_on_the_chart():
    layout = out("filtered.json")
    export("--question", "training_prepared", "--by", "role", "--filter", "force=Gwent Police",
           "--title", "Gwent: how well training prepared officers", "--layout", layout,
           "-o", out("filtered.svg"))
    texts = " ".join(t for t in svg_texts(out("filtered.svg")) if t)
    assert "Filter: " in texts and "= Gwent Police" in texts, texts
    assert "Gwent: how well training prepared officers" in texts
    with open(layout, encoding="utf-8") as handle:
        data = json.load(handle)
    assert data["width"] == 800 and data["title"].startswith("Gwent:")


@test
def measures_and_sort():
    for measure in ("count", "percent", "percent-answered"):
        layout = out(f"measure-{measure}.json")
        export("--question", "vulnerabilities", "--measure", measure, "--sort", "value",
               "--layout", layout, "-o", out(f"measure-{measure}.png"))
        with open(layout, encoding="utf-8") as handle:
            data = json.load(handle)
        values = [segment["value"] for segment in data["segments"]]
        # Exports withhold numbers under 5 (null), sorted after every number shown.
        shown = [value for value in values if value is not None]
        assert values[:len(shown)] == sorted(shown, reverse=True), values
        assert all(value is None for value in values[len(shown):]), values
        if measure == "count":
            assert values[0] == data["segments"][0]["count"]


@test
def usage_errors_exit_2():
    export("--question", "training", expect=2)  # no -o
    export("--question", "training", "-o", out("chart.gif"), expect=2)
    export("-o", out("chart.png"), expect=2)  # no --question
    export("--question", "nonsense", "-o", out("chart.png"), expect=2)
    export("--question", "training", "--by", "nonsense", "-o", out("chart.png"), expect=2)
    export("--question", "training", "--kind", "pie", "-o", out("chart.png"), expect=2)
    export("--question", "training", "--measure", "mean", "-o", out("chart.png"), expect=2)
    export("--question", "training", "--width", "50", "-o", out("chart.png"), expect=2)
    export("--question", "training", "--scale", "0", "-o", out("chart.png"), expect=2)
    result = export("--question", "vulnerabilities", "--by", "force", "--kind", "stacked",
                    "-o", out("chart.png"), expect=2)
    assert "100%" in result.stderr, result.stderr
    result = export("--question", "training", "--kind", "grouped-bar", "-o", out("chart.png"),
                    expect=2)
    assert "--by" in result.stderr, result.stderr
    export("--question", "training", "--kind", "diverging", "-o", out("chart.png"), expect=2)
    assert not os.path.exists(out("chart.png"))


@test
def bad_data_and_unwritable_output_exit_1():
    run_cli(BINARY, "export", "--question", "training", "-o", out("chart.png"),
            os.path.join(WORK, "no-such-study.csv"), expect=1)
    result = export("--question", "training", "-o", os.path.join(WORK, "missing", "chart.png"),
                    expect=1)
    assert "Could not write" in result.stderr, result.stderr


@test
def usage_lists_export():
    result = run_cli(BINARY, "export", "--help")
    assert "--layout" in result.stdout and "--dark" in result.stdout, result.stdout


def layout_texts(path):
    with open(path, encoding="utf-8") as handle:
        data = json.load(handle)
    texts = [label["text"].replace("\u00a0", " ") for label in data["labels"]]
    return data, texts


def flat(text):
    return " ".join(text.split())


@test
def lang_switches_the_data_labels():
    # The codebook's label_cy and levels_cy: the sample's forces and question in Welsh.
    export("--question", "force", "--lang", "cy", "--layout", out("force-cy.json"),
           "-o", out("force-cy.svg"))
    export("--question", "force", "--lang", "en", "--layout", out("force-en.json"),
           "-o", out("force-en.svg"))
    welsh, welsh_texts = layout_texts(out("force-cy.json"))
    english, english_texts = layout_texts(out("force-en.json"))
    assert "Heddlu Gwent" in welsh_texts, welsh_texts
    assert "Gwent Police" not in welsh_texts, welsh_texts
    assert "Gwent Police" in english_texts and "Heddlu Gwent" not in english_texts
    assert welsh["title"] == "I ba heddlu ydych chi'n gweithio?", welsh["title"]
    assert english["title"] == "Which police force do you work for?", english["title"]
    assert any("Heddlu Gwent" in s["description"] for s in welsh["segments"])
    # Segments keep their level and group indices whatever the language.
    assert [(s["level"], s["group"]) for s in welsh["segments"]] == \
        [(s["level"], s["group"]) for s in english["segments"]]
    assert "Heddlu Gwent" in " ".join(svg_texts(out("force-cy.svg")))


@test
def lang_names_groups_and_filters_in_welsh():
    layout = out("split-cy.json")
    export("--question", "training", "--by", "force", "--filter", "force=Gwent Police",
           "--lang", "cy", "--min-cell", "0", "--layout", layout, "-o", out("split-cy.png"))
    data, texts = layout_texts(layout)
    joined = " ".join(texts)
    # Filters are given by canonical name, and shown translated.
    assert "Heddlu Gwent" in joined and "Ydw" in joined and "Nac ydw" in joined, texts
    assert "Gwent Police" not in joined, texts
    assert any(group["name"] == "Heddlu Gwent" for group in data["groups"]), data["groups"]


@test
def lang_follows_the_session_by_default():
    env = dict(os.environ, LANGUAGE="cy")
    layout = out("force-session.json")
    result = subprocess.run([BINARY, "export", "--sample", "--question", "force", "--layout",
                             layout, "-o", out("force-session.png")],
                            capture_output=True, text=True, env=env, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert "Heddlu Gwent" in layout_texts(layout)[1]


@test
def lang_must_be_en_or_cy():
    for verb, args in (("export", ["--question", "force", "-o", out("x.png")]),
                       ("brief", ["-o", out("x.pdf")])):
        result = run_cli(BINARY, verb, "--sample", "--lang", "fr", *args, expect=2)
        assert "--lang fr" in result.stderr, result.stderr
        assert not os.path.exists(args[-1])


@test
def brief_in_welsh_shows_welsh_questions():
    if shutil.which("pdftotext") is None:
        return
    for lang in ("cy", "en"):
        run_cli(BINARY, "brief", "--sample", "--lang", lang, "-o", out(f"pack-{lang}.pdf"))
    welsh, english = (flat(subprocess.run(["pdftotext", "-enc", "UTF-8", out(f"pack-{lang}.pdf"),
                                           "-"], capture_output=True, text=True,
                                          check=True).stdout)
                      for lang in ("cy", "en"))
    # The title page's grouping, the charts' questions and levels, the quotes' attribution.
    assert "I ba heddlu ydych chi'n gweithio?" in welsh, welsh
    assert "Ydych chi wedi cael unrhyw hyfforddiant yn ymwneud â gwaith rhyw?" in welsh, welsh
    assert "Heddlu De Cymru" in welsh and "South Wales Police" not in welsh
    assert "Which police force do you work for?" in english
    assert "Heddlu" not in english


if __name__ == "__main__":
    main()
