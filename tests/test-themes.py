# SPDX-License-Identifier: GPL-3.0-or-later
"""Themes together: a question split by another question, or by itself (co-occurrence), counts
those who fall in both over a base of those who answered both; checked against a direct count
of the sample study's files."""
import collections
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from tap import main, run_cli, run_json, test  # noqa: E402

BINARY = sys.argv[1]
SAMPLE = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "data", "sample"))
# Every row and every number: the brute force below counts all 128 rows of the file.
EXACT = ("--min-cell", "0", "--no-fold", "--include-incomplete", "--sample")


def brute_force():
    """Question → theme → set of participants, and question → who answered it."""
    with open(os.path.join(SAMPLE, "responses.csv"), encoding="utf-8") as f:
        responses = list(csv.DictReader(f))
    themes = collections.defaultdict(lambda: collections.defaultdict(set))
    answered = collections.defaultdict(set)
    for row in responses:
        for question, text in row.items():
            if text.strip():
                answered[question].add(row["participant"])
    with open(os.path.join(SAMPLE, "coding.csv"), encoding="utf-8") as f:
        for line in csv.DictReader(f):
            themes[line["question"]][line["code"]].add(line["respondent"])
            answered[line["question"]].add(line["respondent"])
    return themes, answered


def check_table(question, by):
    themes, answered = brute_force()
    both = answered[question] & answered[by]
    data = run_json(BINARY, "summary", *EXACT, "--question", question, "--by", by)
    assert data["percent_of"] == "both", data["percent_of"]
    assert data["base"] == len(both), (data["base"], len(both))
    for level in data["levels"]:
        expected = len(themes[question][level["label"]] & both)
        assert level["count"] == expected, (level, expected)
    checked = 0
    for group in data["groups"]:
        members = themes[by][group["label"]] & both
        assert group["base"] == len(members), (group["label"], group["base"], len(members))
        assert group["answered"] == len(members), group
        for level in group["levels"]:
            expected = len(themes[question][level["label"]] & members)
            assert level["count"] == expected, (group["label"], level, expected)
            assert level["base"] == len(members), (group["label"], level)
            checked += 1
    assert checked == len(data["levels"]) * len(data["groups"]) > 0, checked


@test
def barriers_by_better_enabled_counts_those_in_both():
    check_table("better_enabled", "barriers")
    check_table("barriers", "better_enabled")


@test
def vulnerabilities_cooccurrence_is_symmetric_and_counted():
    check_table("vulnerabilities", "vulnerabilities")
    data = run_json(BINARY, "summary", *EXACT, "--question", "vulnerabilities",
                    "--by", "vulnerabilities")
    cells = {(g["label"], l["label"]): l["count"] for g in data["groups"] for l in g["levels"]}
    for (a, b), count in cells.items():
        assert cells[(b, a)] == count, (a, b)
    # The diagonal is the theme's own count: 38 raised substance use.
    assert cells[("Substance use", "Substance use")] == 38


@test
def text_says_the_base_is_those_who_answered_both():
    out = run_cli(BINARY, "summary", *EXACT, "--question", "better_enabled",
                  "--by", "barriers").stdout
    assert "Base: 23 who answered both questions" in out, out
    assert "answered both questions." in out, out



@test
def a_saved_cooccurrence_view_prints_in_the_pack():
    work = tempfile.mkdtemp(prefix="fe-themes-")
    try:
        project = os.path.join(work, "themes.findings")
        with open(project, "w", encoding="utf-8") as handle:
            handle.write("\n".join([
                "[Project]", "version=1",
                f"responses={os.path.join(SAMPLE, 'responses.csv')}",
                f"codebook={os.path.join(SAMPLE, 'codebook.csv')}",
                f"coding={os.path.join(SAMPLE, 'coding.csv')}",
                "", "[View 1]", "title=Substance use goes with mental health",
                "question=vulnerabilities", "by=vulnerabilities", "measure=overlap",
                "kind=auto", "sort=codebook", ""]))
        pack = os.path.join(work, "pack.pdf")
        run_cli(BINARY, "brief", "-o", pack, project)
        if shutil.which("pdftotext") is None:
            return
        text = " ".join(subprocess.run(["pdftotext", "-enc", "UTF-8", pack, "-"],
                                       capture_output=True, text=True, check=True)
                        .stdout.split())
        assert "Substance use goes with mental health" in text, text
        # The saved view keeps its self-split: the pack draws the co-occurrence, as overlap.
        assert "Each cell is the overlap of two themes (Jaccard)" in text, text
        assert "0.16" in text, text
    finally:
        shutil.rmtree(work, ignore_errors=True)


@test
def a_cell_of_two_questions_quotes_both():
    themes, _ = brute_force()
    level, group = "Partnership working", "Lack of engagement"
    both = themes["better_enabled"][level] & themes["barriers"][group]
    quotes = run_json(BINARY, "quotes", "--min-cell", "0", "--include-incomplete", "--sample",
                      "--question", "better_enabled", "--level", level,
                      "--by", "barriers", "--group", group)
    with open(os.path.join(SAMPLE, "coding.csv"), encoding="utf-8") as f:
        codings = [line for line in csv.DictReader(f) if line["respondent"] in both]
    expected = collections.Counter(
        (line["question"], line["respondent"]) for line in codings
        if (line["question"], line["code"]) in (("better_enabled", level), ("barriers", group)))
    got = collections.Counter((quote["question"], quote["respondent"]) for quote in quotes)
    assert got == expected and len(both) > 0, (got, expected)
    for quote in quotes:
        assert (level if quote["question"] == "better_enabled" else group) in quote["codes"], quote


@test
def overlap_is_jaccard_and_themes_that_go_together_sit_together():
    themes, _ = brute_force()
    vulnerabilities = themes["vulnerabilities"]
    work = tempfile.mkdtemp(prefix="fe-themes-")
    try:
        layout_path = os.path.join(work, "layout.json")
        run_cli(BINARY, "export", *EXACT, "--question", "vulnerabilities",
                "--by", "vulnerabilities", "--measure", "overlap", "--layout", layout_path,
                "-o", os.path.join(work, "chart.png"))
        with open(layout_path, encoding="utf-8") as handle:
            layout = json.load(handle)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    data = run_json(BINARY, "summary", *EXACT, "--question", "vulnerabilities")
    labels = [level["label"] for level in data["levels"]]

    def jaccard(a, b):
        either = vulnerabilities[a] | vulnerabilities[b]
        return len(vulnerabilities[a] & vulnerabilities[b]) / len(either) if either else 0

    for segment in layout["segments"]:
        a, b = labels[segment["level"]], labels[segment["group"]]
        if a != b:
            assert abs(segment["value"] - jaccard(a, b)) < 0.006, (a, b, segment["value"])
        else:
            assert segment["count"] == len(vulnerabilities[a]), (a, segment)
    # Rows top to bottom and columns left to right in one order, every theme once.
    rows = [s["level"] for s in sorted(layout["segments"], key=lambda s: s["y"])
            if s["group"] == layout["segments"][0]["group"]]
    columns = [s["group"] for s in sorted(layout["segments"], key=lambda s: s["x"])
               if s["level"] == layout["segments"][0]["level"]]
    assert rows == columns and sorted(rows) == list(range(len(labels))), (rows, columns)
    # The pair that overlaps most is side by side.
    best = max(((a, b) for a in range(len(labels)) for b in range(a + 1, len(labels))),
               key=lambda pair: jaccard(labels[pair[0]], labels[pair[1]]))
    assert abs(rows.index(best[0]) - rows.index(best[1])) == 1, (best, rows)


@test
def a_cell_withheld_is_withheld_on_both_sides_of_the_diagonal():
    for measure in ("count", "overlap"):
        work = tempfile.mkdtemp(prefix="fe-themes-")
        try:
            layout_path = os.path.join(work, "layout.json")
            run_cli(BINARY, "export", "--sample", "--question", "vulnerabilities",
                    "--by", "vulnerabilities", "--measure", measure, "--layout", layout_path,
                    "-o", os.path.join(work, "chart.svg"))
            with open(layout_path, encoding="utf-8") as handle:
                layout = json.load(handle)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        cells = {(s["level"], s["group"]): s for s in layout["segments"]}
        held = 0
        for (a, b), segment in cells.items():
            shown = segment["disclosure"] == "shown"
            assert shown == (cells[(b, a)]["disclosure"] == "shown"), (measure, a, b)
            if not shown:
                held += 1
                assert "count" not in segment or segment["count"] in (None, 0), segment
        assert held > 0, measure


if __name__ == "__main__":
    main()
