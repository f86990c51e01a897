# SPDX-License-Identifier: GPL-3.0-or-later
"""`findings-explorer export`: every kind of the sample study in every format, light and dark,
with no display; the --layout JSON; and the usage errors and exit codes of the other verbs."""
import atexit
import json
import os
import shutil
import struct
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
    export("--question", "vulnerabilities", "--by", "force", "--kind", "grouped-bar",
           "--scale", "2", "--layout", layout, "-o", out("layout.png"))
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
    gwent = [s for s in data["segments"]
             if s["description"].startswith("Substance use, Gwent Police: ")]
    assert len(gwent) == 1 and gwent[0]["base"] == 12, gwent
    texts = [label["text"].replace("\u00a0", " ") for label in data["labels"]]
    assert "Gwent Police (n = 12)" in texts, texts


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


if __name__ == "__main__":
    main()
