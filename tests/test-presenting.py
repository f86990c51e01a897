# SPDX-License-Identifier: GPL-3.0-or-later
"""Presenting safely from the command line: a project as STUDY, disclosure control in every
export format, the attribution rule in quotes, and the briefing pack. For the sample study
(North Wales 1 respondent, Dyfed-Powys 2) every export with k = 5 holds neither their exact
counts nor a quote attributed to their force; with k = 0 it does."""
import atexit
import configparser
import csv
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree

sys.path.insert(0, os.path.dirname(__file__))
from tap import main, run_cli, run_json, test  # noqa: E402

BINARY = sys.argv[1]
SAMPLE = os.path.abspath(os.environ["FE_SAMPLE_DIR"])
WORK = tempfile.mkdtemp(prefix="fe-presenting-")
atexit.register(shutil.rmtree, WORK, ignore_errors=True)
os.environ.pop("DISPLAY", None)
os.environ.pop("WAYLAND_DISPLAY", None)
SVG = "{http://www.w3.org/2000/svg}"
SMALL = {"Dyfed-Powys Police": 2, "North Wales Police": 1}
FORCES = ["South Wales Police", "Gwent Police", "Dyfed-Powys Police", "North Wales Police"]
HAVE_POPPLER = shutil.which("pdftotext") is not None and shutil.which("pdfinfo") is not None

with open(os.path.join(SAMPLE, "responses.csv"), encoding="utf-8") as handle:
    SMALL_RESPONDENTS = {row["participant"] for row in csv.DictReader(handle)
                         if row["force"] in SMALL}


def out(name):
    return os.path.join(WORK, name)


def flat(text):
    """Text as read: no-break spaces and line breaks as single spaces."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " "))


def write_project(name, views="", min_cell=None, data=SAMPLE):
    lines = ["[Project]", "version=1",
             f"responses={os.path.join(data, 'responses.csv')}",
             f"codebook={os.path.join(data, 'codebook.csv')}",
             f"coding={os.path.join(data, 'coding.csv')}"]
    if min_cell is not None:
        lines.append(f"min-cell={min_cell}")
    path = out(name)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n" + views)
    return path


def export_layout(*args, output=None):
    """Exports a chart (a PNG unless @output says) with its layout; returns the layout."""
    layout = out("layout.json")
    run_cli(BINARY, "export", *args, "--layout", layout, "-o", output or out("chart.png"))
    with open(layout, encoding="utf-8") as handle:
        return json.load(handle)


def svg_text(path):
    """Everything an SVG says in words: text, titles and the description."""
    root = ElementTree.parse(path).getroot()
    return flat(" ".join(element.text or "" for element in root.iter()
                         if element.tag in (SVG + "text", SVG + "title", SVG + "desc")))


def pdf_text(path, layout=False):
    args = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else []) + [path, "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def pdf_info(path):
    result = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True)
    return dict(line.split(":", 1) for line in result.stdout.splitlines() if ":" in line)


def small_force_segments(layout):
    return [s for s in layout["segments"] if s["group"] in (2, 3)]


# Projects as STUDY


@test
def a_project_is_a_study_for_every_verb():
    project = write_project("plain.findings")
    data = run_json(BINARY, "summary", project)
    assert data["respondents"] == 95 and data["excluded"] == 33, data
    quotes = run_json(BINARY, "quotes", "--question", "promising_practice", project)
    assert any(q["text"].startswith("I investigated a rape") for q in quotes)
    layout = export_layout("--question", "training", project)
    assert layout["base"] == 95, layout["base"]
    sample = os.path.join(SAMPLE, "sample.findings")
    assert run_json(BINARY, "summary", sample)["respondents"] == 95
    # A project's tables are its own.
    result = run_cli(BINARY, "summary", "--codebook", os.path.join(SAMPLE, "codebook.csv"),
                     project, expect=2)
    assert "project" in result.stderr, result.stderr


@test
def a_project_with_moved_data_says_which_file():
    project = write_project("moved.findings", data=os.path.join(WORK, "nowhere"))
    result = run_cli(BINARY, "summary", project, expect=1)
    assert "responses.csv" in result.stderr, result.stderr
    run_cli(BINARY, "brief", "-o", out("moved.pdf"), project, expect=1)
    assert not os.path.exists(out("moved.pdf"))


@test
def include_incomplete_comes_from_the_project():
    project = write_project("incomplete.findings")
    with open(project, "a", encoding="utf-8") as handle:
        handle.write("include-incomplete=true\n")
    assert run_json(BINARY, "summary", project)["respondents"] == 128


# Disclosure control in exports


@test
def exports_withhold_small_forces_by_default():
    # Folded by default: the small forces and Gwent make an "Other" of 15, shown like any group.
    folded = export_layout("--sample", "--question", "training", "--by", "force")
    assert [(g["name"], g["n"]) for g in folded["groups"]] == [("South Wales Police", 80),
                                                                ("Other", 15)], folded["groups"]
    assert not small_force_segments(folded)
    labels = [flat(label["text"]) for label in folded["labels"]]
    assert any("Other: Gwent Police, Dyfed-Powys Police, North Wales Police" in label
               for label in labels), labels
    layout = export_layout("--sample", "--question", "training", "--by", "force", "--no-fold")
    assert layout["min_cell"] == 5
    # A 100% bar chart draws no distribution of a force that small, not even stubs.
    assert layout["kind"] == "stacked" and not small_force_segments(layout), layout["segments"]
    groups = {g["name"]: g for g in layout["groups"]}
    for force in SMALL:
        assert groups[force]["n"] is None and groups[force]["disclosure"] == "small"
    labels = [flat(label["text"]) for label in layout["labels"]]
    assert labels.count("Fewer than 5 answered: not shown as a distribution") == 2, labels
    grouped = export_layout("--sample", "--question", "training", "--by", "force",
                            "--kind", "grouped-bar", "--no-fold")
    small = small_force_segments(grouped)
    assert small and all(s["count"] is None and s["base"] is None and s["value"] is None
                         and s["disclosure"] == "small" for s in small), small
    assert all("fewer than 5" in s["description"] for s in small)
    assert "Dyfed-Powys Police (n < 5)" in labels, labels
    assert "Dyfed-Powys Police (n = 2)" not in labels
    # 95 less South Wales's 80 and Gwent's 12 would leave the two small forces 3 between them.
    assert "Gwent Police (n = 12)" not in labels or "South Wales Police (n = 80)" not in labels

    exact = export_layout("--sample", "--question", "training", "--by", "force",
                          "--min-cell", "0")
    assert exact["min_cell"] == 0
    assert all(s["count"] is not None for s in exact["segments"])
    labels = [flat(label["text"]) for label in exact["labels"]]
    assert "Dyfed-Powys Police (n = 2)" in labels and "North Wales Police (n = 1)" in labels


@test
def min_cell_defaults_to_the_projects():
    open_project = write_project("open.findings", min_cell=0)
    layout = export_layout("--question", "training", "--by", "force", open_project)
    assert layout["min_cell"] == 0 and all(s["count"] is not None for s in layout["segments"])
    layout = export_layout("--question", "training", "--by", "force", "--min-cell", "5",
                           "--no-fold", open_project)
    assert layout["min_cell"] == 5 and all(s["count"] is None
                                           for s in small_force_segments(layout))
    strict = write_project("strict.findings", min_cell=20)
    layout = export_layout("--question", "training", "--by", "force", strict)
    groups = {g["name"]: g["n"] for g in layout["groups"]}
    assert groups["Gwent Police"] is None, groups


# Charts whose every format is checked for the small forces' numbers.
# (Diverging and grouped bars are in the briefing pack below and in the chart-side test.)
CHARTS = [
    ("stacked", ["--question", "training", "--by", "force"]),
    ("heatmap", ["--question", "vulnerabilities", "--by", "force", "--kind", "heatmap"]),
    ("bar", ["--question", "force"]),
]


def exact_mentions(text):
    """Where a text gives a small force's exact n or a count of one of their cells."""
    found = []
    for force, n in SMALL.items():
        for pattern in (rf"{force} \(n = {n}\)", rf"{force}: \d+ of \d+", rf"{force}, [^.;]*?"
                        rf": \d+ of \d+", rf"[^;.]*, {force}: \d+ respondent"):
            found += re.findall(pattern, text)
    return found


@test
def every_format_withholds_the_small_forces():
    for name, args in CHARTS:
        for k in ("5", "0"):
            stem = out(f"{name}-{k}")
            layout = export_layout("--sample", *args, "--min-cell", k, output=stem + ".svg")
            run_cli(BINARY, "export", "--sample", *args, "--min-cell", k, "-o", stem + ".pdf")
            texts = [flat(" ".join(label["text"] for label in layout["labels"])),
                     flat(" ".join(s["description"] for s in layout["segments"])),
                     flat(layout["description"]), svg_text(stem + ".svg")]
            if HAVE_POPPLER:
                texts.append(flat(pdf_text(stem + ".pdf")))
            if name == "bar":
                # The forces are the levels: their bars, not groups.
                small = [s for s in layout["segments"] if s["level"] in (2, 3)]
            else:
                small = small_force_segments(layout)
            # At k = 5 split charts fold them with Gwent into an "Other" of 15 (the note names
            # them), which is shown like any group.
            assert bool(small) != (name in ("stacked", "heatmap") and k == "5"), (name, k)
            if name in ("stacked", "heatmap") and k == "5":
                assert "Other: Gwent Police, Dyfed-Powys Police, North Wales Police" in texts[0]
            if k == "5":
                assert all(s["count"] is None for s in small), (name, small)
                for text in texts:
                    assert not exact_mentions(text), (name, exact_mentions(text))
                if name != "stacked":
                    assert "< 5" in texts[0], (name, texts[0])
            else:
                assert all(s["count"] is not None for s in small), (name, small)
                assert any(exact_mentions(text) for text in texts[1:]), name
                if name == "bar":
                    assert [s["count"] for s in small] == [2, 1], small


def truth(question, by):
    args = ["summary", "--sample", "--min-cell", "0", "--question", question] + (
        ["--by", by] if by else [])
    data = run_json(BINARY, *args)
    rows = {-1: data}
    for index, group in enumerate(data.get("groups", [])):
        rows[index] = group
    return rows


def attack(layout, rows, single, measure, whole=None):
    """What can be worked out from a layout's printed numbers, solving every sum that has one
    unknown left: rows add up to those who answered, groups to the whole, a share and its
    count give the base. @whole: the whole row's counts printed elsewhere (the unsplit view,
    summary), level to count. Groups the chart leaves out count as one withheld "Other".
    Returns the withheld numbers it works out."""
    kind = layout["kind"]
    stacked = kind in ("stacked", "diverging")
    on_answered = stacked or measure == "percent-answered"
    shares = stacked or kind == "heatmap" or measure != "count"
    levels = len(rows[-1]["levels"])
    original = rows
    value = {}
    known = set()
    withheld = set()
    # A folded chart's "Other" (group -2) is the groups it does not draw on their own.
    drawn = {g["group"] for g in layout["groups"]}
    members = [r for r in rows if r >= 0 and r not in drawn and rows[r]["base"] > 0]
    if members:
        rows = {r: row for r, row in rows.items() if r not in members}
        other = {"base": 0, "answered": 0,
                 "levels": [{"count": 0} for _ in range(levels)]}
        for m in members:
            other["base"] += original[m]["base"]
            other["answered"] += original[m]["answered"]
            for level, item in enumerate(original[m]["levels"]):
                other["levels"][level]["count"] += item["count"]
        rows[-2] = other
    for r, row in rows.items():
        value[("base", r)] = row["base"]
        value[("answered", r)] = row["answered"]
        for level, item in enumerate(row["levels"]):
            value[("cell", r, level)] = item["count"]

    def learn(var, printed):
        (known if printed else withheld).add(var)

    if members and -2 not in drawn:
        withheld.update([("base", -2), ("answered", -2)]
                        + [("cell", -2, level) for level in range(levels)])
    for level, count in (whole or {}).items():
        known.add(("cell", -1, level))
        assert value[("cell", -1, level)] == count

    learn(("base", -1), layout["base"] is not None)
    learn(("answered", -1), layout["answered"] is not None)
    for group in layout["groups"]:
        learn(("answered" if on_answered else "base", group["group"]), group["n"] is not None)
        if stacked and group["n"] is not None:
            drawn = {s["level"] for s in layout["segments"] if s["group"] == group["group"]}
            known.update(("cell", group["group"], level) for level in range(levels)
                         if level not in drawn)
    for s in layout["segments"]:
        var = ("cell", s["group"], s["level"])
        learn(var, s["count"] is not None)
        if s["count"] is not None:
            assert s["count"] == value[var], (s, value[var])
            if shares and s["count"] > 0:
                known.add(("answered" if on_answered else "base", s["group"]))

    sums = []
    groups = [r for r in rows if r >= 0 or r == -2]
    for r in rows:
        if single:
            sums.append(([("cell", r, level) for level in range(levels)], ("answered", r)))
    if groups:
        for level in range(levels):
            sums.append(([("cell", g, level) for g in groups], ("cell", -1, level)))
        sums.append(([("base", g) for g in groups], ("base", -1)))
        sums.append(([("answered", g) for g in groups], ("answered", -1)))
    changed = True
    while changed:
        changed = False
        for terms, total in sums:
            unknown = [t for t in terms if t not in known]
            if total in known and len(unknown) == 1:
                known.add(unknown[0])
                changed = True
            elif total not in known and not unknown:
                known.add(total)
                changed = True
    return sorted((var, value[var]) for var in withheld & known), len(withheld)


@test
def nothing_withheld_can_be_worked_out():
    # Every kind and measure on the sample's small groups; the chart-side test goes through
    # every question, folded charts and random tallies.
    charts = {
        ("training_prepared", "force", True): [("auto", "count"), ("auto", "percent"),
                                              ("heatmap", "percent-answered")],
        ("guidance_alignment", "force", True): [("stacked", "count"), ("grouped-bar", "percent")],
        ("vulnerabilities", "force", False): [("heatmap", "count"), ("grouped-bar", "percent")],
        ("training_prepared", "role", True): [("auto", "percent"), ("heatmap", "count")],
        ("barriers", "role", False): [("auto", "percent-answered")],
        ("role", None, True): [("auto", "count")],
    }
    n_withheld = 0
    for (question, by, single), kinds in charts.items():
        rows = truth(question, by)
        split = ["--by", by] if by else []
        for kind, measure in kinds:
            layout = export_layout("--sample", "--question", question, *split, "--kind", kind,
                                   "--measure", measure)
            recovered, withheld = attack(layout, rows, single, measure)
            assert not recovered, (question, by, kind, measure, recovered)
            n_withheld += withheld
    assert n_withheld > 50, n_withheld


# Quotes and the attribution rule


@test
def quotes_of_a_small_group_are_refused_under_min_cell():
    args = ["quotes", "--sample", "--question", "training_comments", "--by", "force",
            "--group", "North Wales Police"]
    exact = run_json(BINARY, *args, "--min-cell", "0")
    assert exact and all(q["respondent"] in SMALL_RESPONDENTS for q in exact), exact
    assert all(q["attributes"]["force"] == "North Wales Police" for q in exact)
    assert all(q["citation"].endswith("(Participant 68, North Wales Police)") for q in exact)
    # --by/--group select one respondent as --filter would: nothing of theirs is printed.
    for extra in ((), ("--min-cell", "5"), ("--json",)):
        result = run_cli(BINARY, *args, *extra, expect=3)
        assert result.stdout == "", result.stdout
        assert "fewer respondents than the disclosure threshold (5)" in result.stderr, \
            result.stderr
        assert not any(flat(q["text"])[:40] in flat(result.stderr) for q in exact)
    # The sample's project has min-cell 5: the rule is its default.
    sample = os.path.join(SAMPLE, "sample.findings")
    run_cli(BINARY, *args[:1], *args[2:], sample, expect=3)
    via_project = run_json(BINARY, *args[:1], *args[2:], "--min-cell", "0", sample)
    assert all(q["respondent"] == "68" for q in via_project), via_project


def withheld_label_beside(layout, segment):
    """Whether "< 5" or "–" is printed on @segment's line, right after its end."""
    expected = "< 5" if segment["disclosure"] == "small" else "–"
    middle = segment["y"] + segment["h"] / 2
    end = segment["x"] + segment["w"]
    return any(flat(label["text"]) == expected and label["y"] <= middle <= label["y"] + label["h"]
               and end - 0.01 <= label["x"] <= end + 40 for label in layout["labels"])


@test
def withheld_numbers_are_never_drawn_as_data():
    # Every kind, light and dark, folded and not: a withheld part of a 100% bar has no length
    # and is marked beside its bar; a bar's stub always has its label.
    for kind, args in (("bar", ["--question", "force"]),
                       ("grouped-bar", ["--question", "training_prepared", "--by", "force"]),
                       ("stacked", ["--question", "training_prepared", "--by", "force"]),
                       ("diverging", ["--question", "training_prepared", "--by", "force"]),
                       ("diverging", ["--question", "guidance_alignment", "--by", "force"]),
                       ("heatmap", ["--question", "vulnerabilities", "--by", "force"])):
        for extra in ([], ["--dark"], ["--no-fold"], ["--width", "480", "--height", "320"]):
            layout = export_layout("--sample", *args, "--kind", kind, *extra)
            withheld = [s for s in layout["segments"] if s["disclosure"] != "shown"]
            # Unfolded, "All respondents" less the large forces gives the small ones away: a
            # 100% bar of training_prepared then holds every row back, in words.
            assert withheld or kind == "heatmap" or (
                extra == ["--no-fold"] and kind in ("stacked", "diverging")
                and not layout["segments"]), (kind, extra)
            for s in withheld:
                if kind in ("stacked", "diverging"):
                    assert s["w"] == 0, (kind, extra, s)
                    assert withheld_label_beside(layout, s), (kind, extra, s)
                elif kind in ("bar", "grouped-bar") and s["w"] > 0:
                    assert withheld_label_beside(layout, s), (kind, extra, s)
    # The force of two is not drawn as a distribution, folded or not: folded it is part of
    # "Other", which is drawn.
    for extra in ([], ["--no-fold"]):
        layout = export_layout("--sample", "--question", "training_prepared", "--by", "force",
                               "--kind", "diverging", *extra)
        assert not [s for s in layout["segments"] if s["group"] in (2, 3)], extra
        labels = [flat(label["text"]) for label in layout["labels"]]
        if extra:
            assert "Fewer than 5 answered: not shown as a distribution" in labels, labels
        else:
            assert [s for s in layout["segments"] if s["group"] == -2], extra


@test
def the_brief_keeps_the_marks_of_withheld_parts():
    if not HAVE_POPPLER:
        print("# pdftotext (poppler-utils) missing: not checked")
        return
    pack = out("marks.pdf")
    run_cli(BINARY, "brief", "--sample", "-o", pack)
    text = pdf_text(pack)
    start = text.index("View 6 of 6")
    page = text[start:text.index("About these figures", start)]
    lines = [flat(line).strip().replace(" ", "") for line in page.splitlines()]
    # Its diverging bar withholds parts of three forces: each is marked, as in an export.
    assert lines.count("<5") >= 4 and lines.count("–") >= 2, lines


@test
def quotes_of_a_small_group_say_nothing_but_a_participant():
    # Every answer of North Wales's one respondent, asked for by number: under k they are
    # "a participant", without the role and length of service that would single them out.
    exact = run_json(BINARY, "quotes", "--sample", "--respondent", "68", "--min-cell", "0")
    role, service = exact[0]["attributes"]["role"], exact[0]["attributes"]["service_length"]
    safe = run_json(BINARY, "quotes", "--sample", "--respondent", "68")
    assert [q["text"] for q in safe] == [q["text"] for q in exact]
    for quote in safe:
        assert quote["respondent"] is None and quote["attributes"] == {}, quote
        assert quote["citation"].endswith("(a participant)"), quote
    text = run_cli(BINARY, "quotes", "--sample", "--respondent", "68").stdout
    assert "A participant" in text and "North Wales" not in text, text
    assert role not in text and service not in text and "68" not in text, text


@test
def quotes_of_a_small_segment_are_refused_under_min_cell():
    # One chart segment's quotes (--question Q --level L) are a filter on the answer: a
    # segment of fewer than k respondents under the filter is refused, as a filter is.
    args = ["quotes", "--sample", "--question", "vulnerabilities", "--level", "Gender"]
    exact = run_json(BINARY, *args, "--min-cell", "0")
    assert 0 < len({q["respondent"] for q in exact}) < 5, exact
    for extra in ((), ("--json",), ("--min-cell", "5")):
        result = run_cli(BINARY, *args, *extra, expect=3)
        assert result.stdout == "", result.stdout
        assert "fewer respondents than the disclosure threshold (5)" in result.stderr, \
            result.stderr
        assert not any(flat(q["text"])[:40] in flat(result.stderr) for q in exact)
    # Under a filter: Substance use has 38 respondents, but only a few of them outside
    # South Wales and Gwent.
    narrow = ["quotes", "--sample", "--question", "vulnerabilities", "--level",
              "Substance use", "--filter", "force=Dyfed-Powys Police,North Wales Police"]
    run_cli(BINARY, *narrow, expect=3)
    run_cli(BINARY, *narrow, "--min-cell", "0")
    # A large segment is printed, and its quotes from a small force are still "a participant".
    quotes = run_json(BINARY, "quotes", "--sample", "--question", "vulnerabilities", "--level",
                      "Substance use")
    exact = run_json(BINARY, "quotes", "--sample", "--question", "vulnerabilities", "--level",
                     "Substance use", "--min-cell", "0")
    small = [q for q in exact if q["respondent"] in SMALL_RESPONDENTS]
    assert small and sorted(q["text"] for q in quotes) == sorted(q["text"] for q in exact)
    anonymous = [q for q in quotes if q["respondent"] is None]
    # Last: in respondent order among the others, their place would tell their number.
    assert quotes[len(quotes) - len(anonymous):] == anonymous, quotes
    for quote in anonymous:
        assert quote["attributes"] == {}, quote
        assert quote["citation"].endswith("(a participant)"), quote
    anonymous_texts = [q["text"] for q in anonymous]
    for quote in small:
        assert quote["text"] in anonymous_texts, quote
        anonymous_texts.remove(quote["text"])


def everyone_writes_study():
    """60 respondents who all explain their answer: forces of 25, 20, 12 and 3, a role and a
    region each, so that a segment's quotes could be counted by force."""
    forces = ["Alpha"] * 25 + ["Bravo"] * 20 + ["Charlie"] * 12 + ["Delta"] * 3
    roles, regions, answers = ["Officer", "Officer", "Staff", "Manager"], \
        ["North", "South", "East", "West"], ["Yes", "No", "Unsure"]
    rows = [{"participant": str(i + 1), "force": force, "role": roles[(i * 7) % 4],
             "region": regions[(i * 5) % 4], "q1": answers[(i * 11) % 3],
             "why": f"because of reason {i + 1}"} for i, force in enumerate(forces)]
    path = out("everyone-writes.csv")
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    with open(out("everyone-writes-codebook.csv"), "w", encoding="utf-8") as handle:
        handle.write("column,role,label,levels,quotes_from\nparticipant,id,,,\n"
                     "force,attribute,,Alpha|Bravo|Charlie|Delta,\n"
                     "role,attribute,,Officer|Staff|Manager,\n"
                     "region,attribute,,North|South|East|West,\n"
                     "q1,choice,,Yes|No|Unsure,why\nwhy,text,,,\n")
    return path, rows


@test
def a_quote_names_no_group_smaller_than_k_among_those_listed():
    # A reader of a segment's quotes knows every author gave that answer: counting the quotes
    # "· Charlie" would count Charlie's Yes, which the chart withholds as "< 5"; naming
    # "Bravo · Manager · South" would name a group of two. A quote names its author's
    # attributes only as far as at least k of the segment share them all.
    path, rows = everyone_writes_study()
    study = [path, "--codebook", out("everyone-writes-codebook.csv")]
    attributes = ["force", "role", "region"]
    for level in ("Yes", "No", "Unsure"):
        segment = [r for r in rows if r["q1"] == level]
        quotes = run_json(BINARY, "quotes", *study, "--question", "q1", "--level", level)
        assert len(quotes) == len(segment), (level, len(quotes))
        small_force = {f for f in {r["force"] for r in segment}
                       if sum(r["force"] == f for r in segment) < 5}
        assert small_force, level
        for quote in quotes:
            named = quote["attributes"]
            assert list(named) == attributes[:len(named)], quote
            sharing = [r for r in segment if all(r[a] == v for a, v in named.items())]
            assert not named or len(sharing) >= 5, (quote, len(sharing))
            assert (quote["respondent"] is None) == (named == {}), quote
        # Nor can the quotes named less be counted: those named by a group's attributes and no
        # further (the two managers among a force's officers), like the anonymous ones, are
        # none or at least k.
        stops = {}
        for quote in quotes:
            key = tuple(quote["attributes"].items())
            stops[key] = stops.get(key, 0) + 1
        for key, count in stops.items():
            deeper = any(len(other) > len(key) and other[:len(key)] == key for other in stops)
            if deeper or not key:
                assert count >= 5, (level, key, count)
        text = run_cli(BINARY, "quotes", *study, "--question", "q1", "--level", level).stdout
        for force in small_force:
            assert f"· {force}" not in text, (force, text)
    # The whole study's list of one respondent names what at least k of everyone share.
    one = run_json(BINARY, "quotes", *study, "--respondent", "1")
    named = one[0]["attributes"]
    assert len([r for r in rows if all(r[a] == v for a, v in named.items())]) >= 5, named


@test
def a_quote_names_no_group_smaller_than_k_among_those_given_its_codes():
    # An open question's quotes carry their codes: counting those named "South Wales" among
    # those coded "Related training" would count a cell the code's chart withholds. A quote
    # names its author only as far as k of those given each of its codes share it.
    quotes = run_json(BINARY, "quotes", "--sample", "--question", "training_comments")
    named = {}
    for quote in quotes:
        for code in quote["codes"]:
            for depth in range(1, len(quote["attributes"]) + 1):
                key = (code, tuple(quote["attributes"].items())[:depth])
                named.setdefault(key, set()).add(quote["respondent"])
    # In the sample, South Wales among those coded "Related training" is 4: South Wales goes
    # unnamed in the whole list, and the other forces are folded, so nobody is named.
    for key, authors in named.items():
        assert len(authors) >= 5, (key, authors)
    # Nor can those named be taken from a group's count: a force is named for all of its
    # authors in the list or for none, and an author alike beside each quote.
    exact = run_json(BINARY, "quotes", "--sample", "--question", "training_comments",
                     "--min-cell", "0")
    for force in {q["attributes"].get("force") for q in quotes} - {None}:
        shown = {q["respondent"] for q in quotes if q["attributes"].get("force") == force}
        truth = {q["respondent"] for q in exact if q["attributes"].get("force") == force}
        assert shown == truth, (force, shown, truth)
    anonymous_texts = {q["text"] for q in quotes if q["respondent"] is None}
    for quote in exact:
        if quote["text"] in anonymous_texts:
            assert all(q["respondent"] is None for q in quotes if q["text"] == quote["text"])


@test
def quotes_of_large_groups_keep_their_attribution():
    quotes = run_json(BINARY, "quotes", "--sample", "--respondent", "87", "--min-cell", "5")
    assert quotes and all(q["respondent"] == "87" for q in quotes)
    assert all(q["attributes"]["force"] == "South Wales Police" for q in quotes)
    run_cli(BINARY, "quotes", "--sample", "--respondent", "87", "--min-cell", "-2", expect=2)


# Query-set-size control: filters a reader could set beside each other and subtract

THREE_FORCES = "force=South Wales Police,Gwent Police,Dyfed-Powys Police"


@test
def the_differencing_pair_is_refused():
    # All respondents against all but North Wales: the difference is its one respondent.
    for verb in (["summary", "--question", "training"],
                 ["export", "--question", "training", "-o", out("three.svg")],
                 ["quotes", "--question", "training_comments"]):
        run_cli(BINARY, *verb, "--sample")
        if os.path.exists(out("three.svg")):
            os.remove(out("three.svg"))
        result = run_cli(BINARY, *verb, "--filter", THREE_FORCES, "--sample", expect=3)
        assert "leaves out fewer respondents than the disclosure threshold (5)" in \
            result.stderr, result.stderr
        assert result.stdout == "", result.stdout
    assert not os.path.exists(out("three.svg"))
    # One level that adds fewer than k to a filter is the same attack.
    result = run_cli(BINARY, "summary", "--question", "training", "--filter",
                     "force=South Wales Police,North Wales Police", "--sample", expect=3)
    assert "“North Wales Police” adds fewer respondents" in result.stderr, result.stderr
    # k = 0 is the researcher's own: everything, as asked.
    run_cli(BINARY, "summary", "--question", "training", "--filter", THREE_FORCES,
            "--min-cell", "0", "--sample")
    run_cli(BINARY, "summary", "--question", "training", "--filter",
            "force=South Wales Police", "--sample")


@test
def the_differencing_pair_is_refused_in_the_pack():
    if not HAVE_POPPLER:
        print("# pdftotext missing: skipped")
        return
    views = ("[View 1]\ntitle=All forces\nquestion=training\nmeasure=count\n"
             "\n[View 2]\ntitle=Three forces\nquestion=training\nmeasure=count\n"
             "filter-columns=force;\n"
             "filter-levels-1=South Wales Police;Gwent Police;Dyfed-Powys Police;\n"
             f"starred-respondents=87;\nstarred-questions=promising_practice;\n"
             "starred-texts=I investigated a rape;\n")
    project = write_project("difference.findings", views=views)
    pack = out("difference.pdf")
    run_cli(BINARY, "brief", "-o", pack, project)
    text = flat(pdf_text(pack))
    assert "This view is left out of the pack: The filter on" in text, text
    assert "I investigated a rape" not in text, text
    run_cli(BINARY, "brief", "--min-cell", "0", "-o", pack, project)
    assert "left out of the pack" not in flat(pdf_text(pack))


@test
def summary_with_the_project_hides_small_cells():
    sample = os.path.join(SAMPLE, "sample.findings")
    data = run_json(BINARY, "summary", "--question", "training", "--by", "force", sample)
    assert data["min_cell"] == 5, data
    for group in data["groups"]:
        if group["label"] in SMALL:
            assert group["base"] is None and all(level["count"] is None
                                                 for level in group["levels"]), group
    text = flat(run_cli(BINARY, "summary", "--question", "training", "--by", "force",
                        sample).stdout)
    for force, n in SMALL.items():
        assert f"{force} (n = {n})" not in text, text
    # Folded like export by default: the small forces are in "Other", never a row of their own.
    assert "Other (n = 15)" in text and "Other: Gwent Police, Dyfed-Powys Police, " \
        "North Wales Police" in text, text
    unfolded = run_json(BINARY, "summary", "--question", "training", "--by", "force",
                        "--no-fold", sample)
    for group in unfolded["groups"]:
        if group["label"] in SMALL:
            assert group["base"] is None and all(level["count"] is None
                                                 for level in group["levels"]), group
    text = flat(run_cli(BINARY, "summary", "--question", "training", "--by", "force",
                        "--no-fold", sample).stdout)
    for force, n in SMALL.items():
        assert f"{force} (n < 5)" in text and f"{force} (n = {n})" not in text, text
    exact = run_json(BINARY, "summary", "--question", "training", "--by", "force",
                     "--min-cell", "0", sample)
    assert {g["label"]: g["base"] for g in exact["groups"]}["North Wales Police"] == 1


WITHHELD = {None: "shown", "small": "small", "hidden": "hidden"}


@test
def summary_folds_and_withholds_as_export_does():
    # The same view through `summary --by` and `export --by` gives the same numbers: the
    # same groups folded into "Other", and the same cells, bases and totals withheld. So do
    # they unfolded: two patterns of withholding set side by side would each show what the
    # other hides.
    questions = ("training", "training_prepared", "guidance_aware", "cop_definition_fit",
                 "vulnerabilities", "barriers", "guidance_alignment")
    for question in questions:
        for measure, fold in ((m, f) for m in ("percent", "percent-answered", "count")
                              for f in ((), ("--no-fold",))):
            args = ("--sample", "--question", question, "--by", "force", "--measure", measure,
                    *fold)
            data = run_json(BINARY, "summary", *args)
            layout = export_layout(*args)
            assert data["folded"] == ([] if fold else ["Gwent Police", "Dyfed-Powys Police",
                                                       "North Wales Police"]), data["folded"]
            groups = {g["label"]: g for g in data["groups"]}
            # A 100% bar that folds nothing draws "All respondents" as a row of its own.
            names = {g["group"]: g["name"] for g in layout["groups"] if g["group"] != -1}
            assert sorted(groups) == sorted(names.values()), (groups.keys(), names)
            assert (data["base"], data["answered"]) == (layout["base"], layout["answered"]), \
                (question, measure, data, layout)
            for row in (g for g in layout["groups"] if g["group"] != -1):
                assert groups[row["name"]]["base" if layout["percent_of"] == "respondents"
                                           else "answered"] == row["n"], (question, row)
            for segment in layout["segments"]:
                if segment["group"] == -1:
                    level = data["levels"][segment["level"]]
                else:
                    level = groups[names[segment["group"]]]["levels"][segment["level"]]
                assert WITHHELD[level.get("withheld")] == segment["disclosure"], \
                    (question, measure, segment, level)
                assert level["count"] == segment["count"], (question, measure, segment, level)
                # A withheld segment's base is null in the layout; summary prints the
                # group's base once, beside its other numbers.
                if data["percent_of"] == layout["percent_of"] and \
                        segment["disclosure"] == "shown":
                    assert (level["base"], level["percent"]) == \
                        (segment["base"], segment["percent"]), (question, segment, level)
            if not any(s["group"] == -1 for s in layout["segments"]):
                # The whole row is not drawn beside folded groups: summary prints it nowhere.
                assert data["levels"] is None, (question, data["levels"])
        for args in ([], ["--no-fold"]):
            text = run_cli(BINARY, "summary", "--sample", "--question", question, "--by",
                           "force", *args).stdout
            assert ("Other (n " in text) == (not args), text
            assert ("North Wales Police (n " in text) == bool(args), text


@test
def min_cell_must_be_a_whole_number_up_to_1000():
    for value in ("five", "5.0", "-3", "2147483648", "1001", "", " 5x"):
        project = write_project("bad-k.findings", min_cell=value)
        for verb in (["summary"], ["brief", "-o", out("bad-k.pdf")]):
            result = run_cli(BINARY, *verb, project, expect=1)
            assert "bad-k.findings, [Project] min-cell:" in result.stderr, result.stderr
            assert "whole number from 0 to 1000" in result.stderr, result.stderr
        assert not os.path.exists(out("bad-k.pdf"))
        if value.strip():
            result = run_cli(BINARY, "summary", "--sample", "--min-cell", value, expect=2)
            assert f"--min-cell {value}:" in result.stderr, result.stderr
    for value in ("0", "1000", "7"):
        project = write_project("good-k.findings", min_cell=value)
        run_cli(BINARY, "summary", project)


# The briefing pack


def sample_views():
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str
    parser.read(os.path.join(SAMPLE, "sample.findings"), encoding="utf-8")
    return [parser[section] for section in parser.sections() if section.startswith("View ")]


@test
def the_sample_brief_is_an_a4_pack_with_numbered_pages():
    pack = out("sample.pdf")
    run_cli(BINARY, "brief", "--sample", "-o", pack)
    with open(pack, "rb") as handle:
        assert handle.read(5) == b"%PDF-"
    views = sample_views()
    assert 5 <= len(views) <= 6, len(views)
    if not HAVE_POPPLER:
        print("# pdftotext and pdfinfo (poppler-utils) missing: the pack's text not checked")
        return
    info = pdf_info(pack)
    pages = int(info["Pages"])
    # A title page, a page per view (whose quotes may go over to the next when its chart
    # needs the room, as the folded vulnerabilities chart does) and the note on method.
    assert 1 + len(views) + 1 <= pages <= 1 + 2 * len(views) + 1, pages
    assert info["Page size"].split()[:3] == ["595.276", "x", "841.89"], info["Page size"]
    fonts = subprocess.run(["pdffonts", pack], capture_output=True, text=True).stdout
    assert all(line.split()[-5] == "yes" for line in fonts.splitlines()[2:]), fonts
    text = flat(pdf_text(pack))
    for page in range(1, pages + 1):
        assert f"Page {page} of {pages}" in text, page
    for view in views:
        assert flat(view["title"]) in text, view["title"]
        assert flat(view["takeaway"]) in text, view["takeaway"]
        for starred in view["starred-texts"].rstrip(";").split(";"):
            assert flat(starred.replace("\\s", " ")) in text, starred
    assert "— Participant 87, South Wales Police" in text
    assert "128 responses were received. 33 were left out as incomplete" in text
    assert "About these figures" in text and "< 5" in text


@test
def the_brief_prints_every_chart_note_whole():
    # The note under a chart says what is withheld and what "Other" holds; view 6's grew past
    # three lines and lost its last sentence to an ellipsis.
    if not HAVE_POPPLER:
        print("# pdftotext missing: skipped")
        return
    pack = out("notes.pdf")
    run_cli(BINARY, "brief", "--sample", "-o", pack)
    text = flat(pdf_text(pack))
    assert "The middle answer straddles the centre line." in text, text
    assert "merged to reach 5 respondents." in text, text
    # No note is cut short anywhere in the pack: none ends in an ellipsis.
    lines = [line for line in pdf_text(pack).splitlines() if line.rstrip().endswith("…")]
    assert not lines, lines


@test
def the_brief_withholds_the_small_forces():
    if not HAVE_POPPLER:
        print("# pdftotext missing: skipped")
        return
    safe = out("safe.pdf")
    exact = out("exact.pdf")
    run_cli(BINARY, "brief", "--sample", "--min-cell", "5", "-o", safe)
    run_cli(BINARY, "brief", "--sample", "--min-cell", "0", "-o", exact)
    safe_text = flat(pdf_text(safe, layout=True))
    exact_text = flat(pdf_text(exact, layout=True))
    for force, n in SMALL.items():
        pattern = rf"{force} {n}\b"
        assert not re.search(pattern, safe_text), force
        assert re.search(pattern, exact_text), force
        assert re.search(rf"{force} <\s?5", safe_text), force
        assert not exact_mentions(flat(pdf_text(safe))), exact_mentions(flat(pdf_text(safe)))
    assert "No disclosure control was applied" in exact_text
    assert "attributed to “a participant”" in safe_text


def respondent_quote(respondent):
    quote = run_json(BINARY, "quotes", "--sample", "--respondent", respondent)[0]
    return quote["question"], quote["text"]


@test
def brief_quotes_from_small_forces_lose_the_force():
    if not HAVE_POPPLER:
        print("# pdftotext missing: skipped")
        return
    north_question, north_text = respondent_quote("68")
    dyfed_question, dyfed_text = respondent_quote("12")
    views = (
        "[View 1]\ntitle=Small forces speak\ntakeaway=Two quotes from the smallest forces.\n"
        "question=training\nby=force\nmeasure=count\nkind=auto\nsort=codebook\n"
        f"starred-respondents=68;12;87;\nstarred-questions={north_question};{dyfed_question};"
        "promising_practice;\n"
        f"starred-texts={north_text};{dyfed_text};Words nobody wrote.;\n"
        "\n[View 2]\ntitle=South Wales only\nquestion=training_prepared\nmeasure=count\n"
        "filter-columns=force;\nfilter-levels-1=South Wales Police;\n"
        "\n[View 3]\ntitle=A question that has gone\nquestion=no_such_question\n")
    project = write_project("small.findings", views=views)
    for k, attributed in (("5", False), ("0", True)):
        pack = out(f"small-{k}.pdf")
        run_cli(BINARY, "brief", "--min-cell", k, "-o", pack, project)
        assert int(pdf_info(pack)["Pages"]) == 5
        text = flat(pdf_text(pack))
        assert flat(north_text) in text and flat(dyfed_text) in text
        assert "1 starred quote is no longer in the data" in text, text
        assert "This view cannot be drawn from the data" in text
        assert "Filter: Which police force do you work for? = South Wales Police." in text, text
        for respondent, force in (("68", "North Wales Police"), ("12", "Dyfed-Powys Police")):
            assert (f"— Participant {respondent}, {force}" in text) == attributed, respondent
        if not attributed:
            assert text.count("— a participant") == 2, text


@test
def brief_usage_errors():
    run_cli(BINARY, "brief", "--sample", expect=2)
    run_cli(BINARY, "brief", "--sample", "-o", out("pack.png"), expect=2)
    run_cli(BINARY, "brief", "-o", out("pack.pdf"), os.path.join(SAMPLE, "responses.csv"),
            expect=2)
    run_cli(BINARY, "brief", "--sample", "--min-cell", "-1", "-o", out("pack.pdf"), expect=2)
    empty = write_project("empty.findings")
    result = run_cli(BINARY, "brief", "-o", out("empty.pdf"), empty, expect=2)
    assert "saved views" in result.stderr, result.stderr
    result = run_cli(BINARY, "brief", "--sample", "-o", os.path.join(WORK, "no", "pack.pdf"),
                     expect=1)
    assert "Could not write" in result.stderr, result.stderr
    assert "--min-cell" in run_cli(BINARY, "brief", "--help").stdout
    help_text = run_cli(BINARY, "export", "--help").stdout
    assert "--min-cell" in help_text and "--no-fold" in help_text
    assert "--no-fold" in run_cli(BINARY, "brief", "--help").stdout


@test
def brief_refuses_a_view_it_cannot_draw():
    # Drawn as the default chart, these made a pack of numbers nobody chose, with exit 0.
    for key, value in (("kind", "pie"), ("measure", "bogus"), ("sort", "random")):
        views = ("[View 1]\ntitle=Training\nquestion=training\n"
                 "[View 2]\ntitle=By force\nquestion=training\nby=force\n"
                 f"{key}={value}\n")
        project = write_project(f"bad-{key}.findings", views)
        pack = out(f"bad-{key}.pdf")
        result = run_cli(BINARY, "brief", "-o", pack, project, expect=1)
        assert f"bad-{key}.findings, [View 2]: {key}={value} is not" in result.stderr, \
            result.stderr
        assert not os.path.exists(pack)


@test
def brief_in_welsh_writes_the_same_pages():
    pack = out("cy.pdf")
    english = out("en.pdf")
    run_cli(BINARY, "brief", "--sample", "--lang", "cy", "-o", pack)
    run_cli(BINARY, "brief", "--sample", "--lang", "en", "-o", english)
    if HAVE_POPPLER:
        assert pdf_info(pack)["Pages"] == pdf_info(english)["Pages"]
        assert int(pdf_info(pack)["Pages"]) >= 1 + len(sample_views()) + 1



# The audit: what a reader could work out from a project's views.

# Two views the query-set rule lets through, each filter kept wide, whose respondents differ
# by one: the only one who found their training extremely well.
LEAKY_VIEWS = """
[View 1]
title=Those trained
question=guidance_aware
measure=count
kind=bar
filter-columns=training;
filter-levels-1=Yes;
[View 2]
title=Those who found their training less than extremely good
question=guidance_aware
measure=count
kind=bar
filter-columns=training_prepared;
filter-levels-1=Not at all well;Slightly well;Moderately well;Very well;
"""

# A differencing pair: the second view is refused by the query-set rule and left out.
DIFFERENCING_VIEWS = """
[View 1]
title=Training
question=training
measure=count
kind=bar
[View 2]
title=Training in the two large forces
question=training
measure=count
kind=bar
filter-columns=force;
filter-levels-1=South Wales Police;Gwent Police;
"""


@test
def the_sample_project_passes_the_audit():
    result = run_cli(BINARY, "audit", "--sample")
    assert "Nothing held back can be worked out (threshold 5)" in result.stdout, result.stdout


@test
def audit_finds_views_a_few_respondents_apart():
    leaky = write_project("leaky.findings", views=LEAKY_VIEWS, min_cell=5)
    result = run_cli(BINARY, "audit", leaky, expect=1)
    assert "differ by 1 respondent, fewer than 5" in result.stdout, result.stdout
    result = run_cli(BINARY, "audit", "--min-cell", "1", leaky)
    assert "Nothing held back" in result.stdout
    # A view the query-set rule refuses is left out, as the pack leaves it out: not a finding.
    pair = write_project("pair.findings", views=DIFFERENCING_VIEWS, min_cell=5)
    result = run_cli(BINARY, "audit", pair)
    assert "Training in the two large forces: left out." in result.stdout, result.stdout
    assert "Nothing held back" in result.stdout


# A view per large force, each allowed on its own and each far from the others: all
# respondents less the two leave Dyfed-Powys and North Wales, 3 people.
PARTITION_VIEWS = """
[View 1]
title=South Wales
question=training
measure=count
kind=bar
filter-columns=force;
filter-levels-1=South Wales Police;
[View 2]
title=Gwent
question=training
measure=count
kind=bar
filter-columns=force;
filter-levels-1=Gwent Police;
"""


@test
def audit_finds_views_that_add_up_to_a_few_respondents():
    views = write_project("partition.findings", views=PARTITION_VIEWS, min_cell=5)
    result = run_cli(BINARY, "audit", views, expect=1)
    assert "3 respondents are in “All respondents” but in none of “South Wales”, “Gwent”, " \
        "fewer than 5" in result.stdout, result.stdout
    run_cli(BINARY, "brief", "-o", out("partition.pdf"), views, expect=1)
    # Nor once a third view splits those 3 (two response officers, one in safeguarding):
    # all less South Wales less Gwent still gives their answers.
    third = write_project("partition3.findings", min_cell=5, views=PARTITION_VIEWS + """
[View 3]
title=Response officers
question=training
measure=count
kind=bar
filter-columns=role;
filter-levels-1=Response officer;
""")
    result = run_cli(BINARY, "audit", third, expect=1)
    assert "sets apart 3 respondents in 2 groups of fewer than 5" in result.stdout, result.stdout
    # Either view alone gives nothing away.
    first, second = PARTITION_VIEWS.split("[View 2]")
    for view in (first, "[View 1]" + second):
        alone = write_project("alone.findings", views=view, min_cell=5)
        assert "Nothing held back" in run_cli(BINARY, "audit", alone).stdout


def audit_study(name, rows):
    """A study of @rows (force, role, a yes/no question) with its codebook, in WORK."""
    with open(out(f"{name}.csv"), "w", encoding="utf-8") as handle:
        handle.write("id,force,role,q\n")
        for i, (force, role) in enumerate(rows):
            handle.write(f"{i + 1},{force},{role},{'Yes' if i % 3 else 'No'}\n")
    with open(out(f"{name}-codebook.csv"), "w", encoding="utf-8") as handle:
        handle.write("column,role,levels\nid,id,\nforce,attribute,SW|G|D|N\n"
                     "role,attribute,R|O\nq,choice,Yes|No\n")
    return out(f"{name}.csv"), out(f"{name}-codebook.csv")


def audit_project(name, study, views):
    responses, codebook = study
    lines = ["[Project]", "version=1", f"responses={responses}", f"codebook={codebook}",
             "min-cell=5"]
    for i, (title, column, level) in enumerate(views):
        lines += [f"[View {i + 1}]", f"title={title}", "question=q", "measure=count",
                  "kind=bar"]
        if column is not None:
            lines += [f"filter-columns={column};", f"filter-levels-1={level};"]
    path = out(f"{name}.findings")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    return path


@test
def audit_finds_few_respondents_common_to_two_views():
    # Two views of 50 and more each, 3 people in both and everyone in one:
    # South Wales + role R - all gives those 3.
    rows = [("SW", "R")] * 3 + [("SW", "O")] * 47 + [("G", "R")] * 48
    views = [("South Wales", "force", "SW"), ("Role R", "role", "R")]
    result = run_cli(BINARY, "audit", audit_project("common", audit_study("common", rows),
                                                    views), expect=1)
    assert "3 respondents are in every one of “All respondents”, “South Wales”, “Role R”, " \
        "fewer than 5" in result.stdout, result.stdout


@test
def audit_finds_a_difference_of_small_groups_whatever_the_order_of_rows():
    # South Wales (34) and role R (8) share 4; 2 are in neither: South Wales + R - all is
    # the 4 less the 2, which with counts never negative narrows both. Found whichever group's
    # respondent comes first in the file.
    groups = {"both": [("SW", "R")] * 4, "one": [("SW", "O")] * 30,
              "other": [("G", "R")] * 4, "neither": [("G", "O")] * 2}
    views = [("South Wales", "force", "SW"), ("Role R", "role", "R")]
    for first in ("both", "other", "neither"):
        rows = groups[first] + [r for name, g in groups.items() if name != first for r in g]
        project = audit_project(f"order-{first}", audit_study(f"order-{first}", rows), views)
        result = run_cli(BINARY, "audit", project, expect=1)
        assert "sets apart" in result.stdout or "respondents are in" in result.stdout, \
            (first, result.stdout)


@test
def audit_finds_small_numbers_in_the_difference_of_two_views_of_a_question():
    # Everyone (26) less South Wales (20) are 6 people, no small group; but 4 of them said Yes
    # and 2 No, which the two views of q, set side by side, give away.
    views = [("Everyone", None, None), ("South Wales", "force", "SW")]
    rows = [("SW", "R")] * 20 + [("G", "O")] * 6
    result = run_cli(BINARY, "audit", audit_project("nested", audit_study("nested", rows),
                                                    views), expect=1)
    assert "Everyone less South Wales leaves 6 respondents: set side by side, the numbers " \
        "printed narrow those of them counted in “Yes” to between 4 and 4, fewer than 5" \
        in result.stdout, result.stdout
    # Everyone less South Wales and Gwent, each large, is the 6 of Dyfed-Powys.
    views = [("Everyone", None, None), ("South Wales", "force", "SW"), ("Gwent", "force", "G")]
    rows = [("SW", "R")] * 20 + [("G", "O")] * 15 + [("D", "O")] * 6
    result = run_cli(BINARY, "audit", audit_project("nested-two", audit_study("nested-two",
                                                                              rows),
                                                    views), expect=1)
    assert "Everyone less South Wales and Gwent leaves 6 respondents" in result.stdout, \
        result.stdout
    # With 15 outside South Wales, 10 and 5 of them: nothing to give away.
    rows = [("SW", "R")] * 20 + [("G", "O")] * 15
    result = run_cli(BINARY, "audit", audit_project("nested-wide", audit_study("nested-wide",
                                                                               rows), views))
    assert "Nothing held back" in result.stdout, result.stdout


@test
def audit_finds_a_parent_less_a_child_in_the_difference_of_two_views():
    # Outside North, 15 raised Risk and 13 of them Drugs: the 2 who raised only Debt (7 of
    # everyone, 5 in North, so neither chart alone says so).
    responses = ["id,region,comment"]
    coding = ["respondent,question,code"]
    for i in range(45):
        responses.append(f"{i + 1},{'North' if i < 20 else 'South'},answer {i + 1}")
        if i < 10 or 20 <= i < 33:
            coding.append(f"{i + 1},comment,Risk/Drugs")
        elif i < 15 or 33 <= i < 35:
            coding.append(f"{i + 1},comment,Risk/Debt")
        else:
            coding.append(f"{i + 1},comment,Support")
    for name, text in (("themes.csv", responses), ("themes-coding.csv", coding)):
        with open(out(name), "w", encoding="utf-8") as handle:
            handle.write("\n".join(text) + "\n")
    with open(out("themes-codebook.csv"), "w", encoding="utf-8") as handle:
        handle.write("column,role,levels\nid,id,\nregion,attribute,North|South\n")
    project = out("themes.findings")
    with open(project, "w", encoding="utf-8") as handle:
        handle.write("\n".join([
            "[Project]", "version=1", f"responses={out('themes.csv')}",
            f"codebook={out('themes-codebook.csv')}", f"coding={out('themes-coding.csv')}",
            "min-cell=5", "[View 1]", "title=Themes", "question=comment", "measure=count",
            "kind=bar", "[View 2]", "title=Themes North", "question=comment", "measure=count",
            "kind=bar", "filter-columns=region;", "filter-levels-1=North;"]) + "\n")
    result = run_cli(BINARY, "audit", project, expect=1)
    assert "who raised “Risk” but not “Drugs” to between 2 and 2" in result.stdout, result.stdout


@test
def audit_lets_views_add_up_to_k_or_more():
    # All less South Wales less Gwent is 8 people, split 4 and 4 by a third view: the 8
    # together are no small group, and no view sets either 4 apart.
    rows = [("SW", "R")] * 30 + [("SW", "O")] * 30 + [("G", "R")] * 16 + [("G", "O")] * 16 \
        + [("D", "R")] * 4 + [("N", "O")] * 4
    views = [("SW", "force", "SW"), ("G", "force", "G"), ("R", "role", "R")]
    result = run_cli(BINARY, "audit", audit_project("eight", audit_study("eight", rows), views))
    assert "Nothing held back" in result.stdout, result.stdout


@test
def a_starred_quote_reads_alike_on_every_page_of_the_pack():
    # Participant 86 is in Gwent: named among Gwent's own respondents, but folded with the
    # two small forces among everyone's. Starred in both views, the pack names them in
    # neither, so that the one page cannot tell whose the other's "a participant" is.
    if not HAVE_POPPLER:
        return
    star = ("starred-respondents=86;\nstarred-questions=training_comments;\n"
            "starred-texts=Inputs from Horizon;\n")
    views = f"""
[View 1]
title=Everyone
question=training
measure=count
kind=bar
{star}[View 2]
title=Gwent
question=training
measure=count
kind=bar
filter-columns=force;
filter-levels-1=Gwent Police;
{star}"""
    project = write_project("alike.findings", views=views, min_cell=5)
    pack = out("alike.pdf")
    run_cli(BINARY, "brief", "--force", "-o", pack, project)
    text = pdf_text(pack)
    assert "Inputs from Horizon" in text, text
    assert "Participant 86" not in text and text.count("a participant") >= 2, text


@test
def brief_refuses_what_the_audit_finds_unless_forced():
    leaky = write_project("leaky-brief.findings", views=LEAKY_VIEWS, min_cell=5)
    pack = out("leaky.pdf")
    if os.path.exists(pack):
        os.remove(pack)
    result = run_cli(BINARY, "brief", "-o", pack, leaky, expect=1)
    assert "differ by 1 respondent" in result.stderr and "--force" in result.stderr
    assert not os.path.exists(pack)
    run_cli(BINARY, "brief", "--force", "-o", pack, leaky)
    with open(pack, "rb") as handle:
        assert handle.read(5) == b"%PDF-"


# Numbers linked across outputs: a split chart beside the unsplit counts of its question.


def write_study(name, forces, answers, rows):
    """A study of one split and one single-answer question, @rows (force, answer) pairs, and
    a project of it with k = 5: the question unsplit, then split by force. Returns the
    project."""
    folder = out(name)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "codebook.csv"), "w", encoding="utf-8") as handle:
        handle.write("column,role,label,levels\nparticipant,id,Participant,\n"
                     f"force,attribute,Force,{'|'.join(forces)}\n"
                     f"q1,choice,Q1,{'|'.join(answers)}\n")
    with open(os.path.join(folder, "responses.csv"), "w", encoding="utf-8") as handle:
        handle.write("participant,force,q1\n")
        for number, (force, answer) in enumerate(rows, 1):
            handle.write(f"{number},{force},{answer}\n")
    project = os.path.join(folder, "project.findings")
    with open(project, "w", encoding="utf-8") as handle:
        handle.write("[Project]\nversion=1\n"
                     f"responses={os.path.join(folder, 'responses.csv')}\n"
                     f"codebook={os.path.join(folder, 'codebook.csv')}\nmin-cell=5\n"
                     "[View 1]\nquestion=q1\nmeasure=count\nkind=bar\n"
                     "[View 2]\nquestion=q1\nby=force\nmeasure=count\nkind=grouped-bar\n")
    return project


def linked_attack(project, kinds, measures=("count",), fold=True):
    """The split charts of q1 attacked with the unsplit counts that summary (and the pack's
    bar chart) prints; asserts nothing withheld comes out."""
    data = run_json(BINARY, "summary", "--min-cell", "0", "--question", "q1", "--by", "force",
                    "--no-fold", project)
    rows = {-1: data}
    rows.update(enumerate(data["groups"]))
    printed = run_json(BINARY, "summary", "--question", "q1", project)
    whole = {level: item["count"] for level, item in enumerate(printed["levels"])
             if item["count"] is not None}
    n_withheld = 0
    for kind in kinds:
        for measure in measures:
            layout = export_layout("--question", "q1", "--by", "force", "--kind", kind,
                                   "--measure", measure, *([] if fold else ["--no-fold"]),
                                   project)
            recovered, withheld = attack(layout, rows, True, measure, whole)
            assert not recovered, (kind, measure, recovered)
            n_withheld += withheld
    return n_withheld


@test
def a_split_chart_holds_back_against_the_unsplit_counts():
    # A: Yes 16, No 2, Maybe 2; B and C 10, 5, 5. Unsplit: No 12, which less B's and C's 5
    # gives A's 2 unless the split chart holds back more than each group alone needs.
    rows = ([("A", "Yes")] * 16 + [("A", "No")] * 2 + [("A", "Maybe")] * 2
            + ([("B", "Yes")] * 10 + [("B", "No")] * 5 + [("B", "Maybe")] * 5)
            + ([("C", "Yes")] * 10 + [("C", "No")] * 5 + [("C", "Maybe")] * 5))
    project = write_study("linked", ["A", "B", "C"], ["Yes", "No", "Maybe"], rows)
    assert linked_attack(project, ["grouped-bar", "heatmap", "stacked"],
                         ["count", "percent"]) > 0
    result = run_cli(BINARY, "audit", project)
    assert "Nothing held back" in result.stdout, result.stdout
    run_cli(BINARY, "brief", "-o", out("linked.pdf"), project)


@test
def a_small_other_left_off_the_chart_cannot_be_worked_out():
    # Gwent 2 and Dyfed-Powys 1, 3 together, are left off: South Wales's n and answers beside
    # the header's 83 and the unsplit Yes 45, No 38 must not give theirs away.
    rows = ([("South Wales", "Yes")] * 44 + [("South Wales", "No")] * 36
            + [("Gwent", "Yes"), ("Gwent", "No"), ("Dyfed-Powys", "No")])
    project = write_study("dropped", ["South Wales", "Gwent", "Dyfed-Powys"], ["Yes", "No"],
                          rows)
    linked_attack(project, ["grouped-bar", "heatmap"], ["count", "percent"])
    result = run_cli(BINARY, "audit", project)
    assert "Nothing held back" in result.stdout, result.stdout
    run_cli(BINARY, "brief", "-o", out("dropped.pdf"), project)
    if HAVE_POPPLER:
        text = flat(pdf_text(out("dropped.pdf")))
        assert "South Wales (n = 80)" not in text or "83 respondents" not in text, text


if __name__ == "__main__":
    main()
