# SPDX-License-Identifier: GPL-3.0-or-later
"""The command line: usage errors, exit codes and the JSON shapes the README promises."""
import atexit
import json
import os
import re
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from tap import main, run_cli, run_json, test  # noqa: E402

BINARY = sys.argv[1]
# These tests check the researcher's exact figures: disclosure control (default k = 5) off.
EXACT = ("--min-cell", "0")
WORK = tempfile.mkdtemp(prefix="fe-cli-")
atexit.register(shutil.rmtree, WORK, ignore_errors=True)


def write(name, text):
    path = os.path.join(WORK, name)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
    return path


STUDY = write("study.csv",
              "id,consent,force,agree,comment\n"
              "1,Yes,Gwent Police,Agree,\"Short, with a comma\"\n"
              "2,Yes,South Wales Police,Strongly agree,Another view\n"
              "3,Yes,Gwent Police,Disagree,\n"
              "4,Yes,,,\n"
              "5,Yes,South Wales Police,Agree,A third\n")


@test
def summary_lists_questions_and_excludes_incomplete():
    data = run_json(BINARY, "summary", *EXACT, STUDY)
    assert data["respondents"] == 4 and data["excluded"] == 1, data
    questions = {q["id"]: q for q in data["questions"]}
    assert set(questions) == {"force", "agree", "comment"}, questions
    assert questions["agree"]["role"] == "ordinal"
    assert questions["comment"]["answered"] == 3
    data = run_json(BINARY, "summary", *EXACT, "--include-incomplete", STUDY)
    assert data["respondents"] == 5 and data["excluded"] == 0


@test
def summary_question_by_attribute():
    data = run_json(BINARY, "summary", *EXACT, "--question", "agree", "--by", "force", STUDY)
    assert data["base"] == 4 and data["answered"] == 4
    levels = {level["label"]: level["count"] for level in data["levels"]}
    assert levels["Agree"] == 2 and levels["Strongly disagree"] == 0, levels
    groups = {group["label"]: group for group in data["groups"]}
    assert groups["Gwent Police"]["base"] == 2
    gwent = {level["label"]: level["count"] for level in groups["Gwent Police"]["levels"]}
    assert gwent["Disagree"] == 1 and gwent["Agree"] == 1


@test
def filter_narrows_counts():
    data = run_json(BINARY, "summary", *EXACT, "--question", "agree", "--filter",
                    "force=South Wales Police", STUDY)
    assert data["base"] == 2, data
    data = run_json(BINARY, "summary", *EXACT, "--question", "agree", "--filter",
                    "force=South Wales Police,Gwent Police", STUDY)
    assert data["base"] == 4, data


@test
def quotes_behind_a_level():
    quotes = run_json(BINARY, "quotes", *EXACT, "--question", "comment", "--by", "force", "--group",
                      "Gwent Police", STUDY)
    assert [q["text"] for q in quotes] == ["Short, with a comma"], quotes
    assert quotes[0]["respondent"] == "1"
    assert quotes[0]["attributes"] == {"force": "Gwent Police"}


@test
def text_output_is_readable():
    out = run_cli(BINARY, "summary", *EXACT, "--question", "agree", STUDY).stdout
    assert "Strongly agree" in out and "Base: 4 respondents" in out, out
    out = run_cli(BINARY, "quotes", *EXACT, "--respondent", "2", STUDY).stdout
    assert "Another view" in out and "Participant 2" in out, out


@test
def unknown_ids_list_the_valid_ones():
    result = run_cli(BINARY, "summary", *EXACT, "--question", "nope", STUDY, expect=2)
    assert "force, agree, comment" in result.stderr, result.stderr
    result = run_cli(BINARY, "summary", *EXACT, "--question", "agree", "--filter", "force=Dyfed", STUDY,
                     expect=2)
    assert "“Gwent Police”" in result.stderr, result.stderr
    run_cli(BINARY, "quotes", *EXACT, "--respondent", "99", STUDY, expect=2)


@test
def usage_errors_exit_2():
    run_cli(BINARY, "summary", *EXACT, expect=2)
    run_cli(BINARY, "quotes", *EXACT, STUDY, expect=2)
    run_cli(BINARY, "summary", *EXACT, "--by", "force", STUDY, expect=2)
    run_cli(BINARY, "summary", *EXACT, "--bogus", STUDY, expect=2)
    run_cli(BINARY, "frobnicate", expect=2)


@test
def bad_data_exits_1_naming_the_place():
    broken = write("broken.csv", "id,force\n1,Gwent\n2,Gwent,extra\n")
    result = run_cli(BINARY, "summary", *EXACT, broken, expect=1)
    assert "broken.csv, line 3, column 3:" in result.stderr, result.stderr
    result = run_cli(BINARY, "summary", *EXACT, os.path.join(WORK, "missing.csv"), expect=1)
    assert "missing.csv, line 1, column 1:" in result.stderr, result.stderr


@test
def input_files_are_never_modified():
    with open(STUDY, "rb") as handle:
        before = handle.read()
    run_cli(BINARY, "summary", *EXACT, STUDY)
    with open(STUDY, "rb") as handle:
        assert handle.read() == before


def sample_layout(*args):
    path = os.path.join(WORK, "layout.json")
    run_cli(BINARY, "export", "--sample", "--min-cell", "0", "--layout", path,
            "-o", os.path.join(WORK, "chart.png"), *args)
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def table_cells(text):
    """The cells of `summary`'s table, the data table's own rows: {(level, column): cell}."""
    lines = text.split("\n\n", 1)[1].strip("\n").split("\n")
    columns = re.split(r"  +", lines[0].strip())[1:]
    cells = {}
    for line in lines[1:]:
        parts = re.split(r"  +", line.strip())
        for column, cell in zip(columns, parts[1:]):
            cells[(parts[0], column)] = cell
    return columns, cells


@test
def one_percentage_per_cell_everywhere():
    # "Lack of trust, South Wales" was 13% on the heat map, 12% in the table and 23% in
    # summary --by: now 10 of 80 respondents, 13%, in every front end.
    for measure, of in (("percent", "respondents"), ("percent-answered", "answered")):
        layout = sample_layout("--question", "barriers", "--by", "force", "--kind", "heatmap",
                               "--measure", measure)
        data = run_json(BINARY, "summary", *EXACT, "--sample", "--question", "barriers", "--by", "force",
                        "--measure", measure)
        text = run_cli(BINARY, "summary", *EXACT, "--sample", "--question", "barriers", "--by", "force",
                       "--measure", measure).stdout
        columns, cells = table_cells(text)
        assert layout["percent_of"] == of and data["percent_of"] == of, (layout, data)
        n = 0
        for segment in layout["segments"]:
            group = data["groups"][segment["group"]]
            level = group["levels"][segment["level"]]
            assert (segment["count"], segment["base"], segment["percent"]) == \
                (level["count"], level["base"], level["percent"]), (segment, level)
            assert level["base"] == group["base" if of == "respondents" else "answered"]
            column = f"{group['label']} (n = {level['base']})"
            assert column in columns, (column, columns)
            n += 1
            if level["base"] == 0:
                # Nobody in the group answered: no share of nobody, anywhere.
                assert level["percent"] is None and cells[(level["label"], column)] == "0"
                continue
            assert cells[(level["label"], column)] == \
                f"{level['count']} of {level['base']}, {level['percent']}%", cells
            who = "who answered" if of == "answered" else \
                "respondent" if level["base"] == 1 else "respondents"
            assert segment["description"].endswith(
                f": {level['count']} of {level['base']} {who}, {level['percent']}%"), segment
        assert n == 13 * 4, n
    trust = data["groups"][0]["levels"][0]
    assert (trust["count"], trust["base"], trust["percent"]) == (10, 43, 23), trust
    data = run_json(BINARY, "summary", *EXACT, "--sample", "--question", "barriers", "--by", "force")
    trust = data["groups"][0]["levels"][0]
    assert (trust["count"], trust["base"], trust["percent"]) == (10, 80, 13), trust
    assert "Percentages of all respondents in each group." in text.replace(
        "those in each group who answered", "all respondents in each group")


@test
def percentages_round_half_away_from_zero():
    # 1 of 8 is 12.5%: 13% everywhere (printf's "%.0f" made it 12 in the table).
    study = write("eighths.csv", "id,force,answer\n" + "".join(
        f"{i},Gwent Police,{'Yes' if i == 1 else 'No'}\n" for i in range(1, 9)))
    data = run_json(BINARY, "summary", *EXACT, "--question", "answer", study)
    yes = {level["label"]: level for level in data["levels"]}["Yes"]
    assert (yes["count"], yes["base"], yes["percent"]) == (1, 8, 13), yes
    out = run_cli(BINARY, "summary", *EXACT, "--question", "answer", study).stdout
    assert "1 of 8, 13%" in out, out


@test
def hidden_identifying_columns_are_named_on_stderr():
    study = write("identifying.csv",
                  "id,IPAddress,Email,force,agree\n"
                  "1,10.0.0.1,a@example.org,Gwent Police,Agree\n"
                  "2,10.0.0.2,b@example.org,South Wales Police,Disagree\n"
                  "3,10.0.0.3,c@example.org,Gwent Police,Agree\n")
    for args in (["summary", study], ["summary", "--json", "--question", "agree", study],
                 ["export", "--question", "agree", "-o", os.path.join(WORK, "i.png"), study]):
        result = run_cli(BINARY, *args)
        lines = [line for line in result.stderr.splitlines() if "identifying" in line]
        assert lines == ["Hidden as identifying: IPAddress, Email"], (args, result.stderr)
        assert "IPAddress" not in result.stdout and "example.org" not in result.stdout
    # Nothing hidden, nothing said.
    assert "Hidden" not in run_cli(BINARY, "summary", *EXACT, STUDY).stderr


@test
def a_filter_without_a_level_is_an_error():
    for spec in ("force=", "force= ", "force=,"):
        result = run_cli(BINARY, "summary", *EXACT, "--question", "agree", "--filter", spec, STUDY,
                         expect=2)
        assert "--filter force=: name at least one level" in result.stderr, result.stderr
        assert "“Gwent Police”" in result.stderr, result.stderr
    result = run_cli(BINARY, "summary", *EXACT, "--question", "agree", "--filter", "force=Dyfed", STUDY,
                     expect=2)
    assert "force has no level “Dyfed”" in result.stderr, result.stderr
    result = run_cli(BINARY, "summary", *EXACT, "--question", "agree", "--filter", "rank=Sergeant",
                     STUDY, expect=2)
    assert "there is no question “rank”" in result.stderr, result.stderr
    result = run_cli(BINARY, "export", "--question", "agree", "--filter", "force=", "-o",
                     os.path.join(WORK, "f.png"), STUDY, expect=2)
    assert "--filter force=" in result.stderr, result.stderr


@test
def one_id_and_one_codebook_row_per_column():
    study = write("two-ids.csv",
                  "id,ref,force\n1,101,Gwent Police\n2,102,South Wales Police\n"
                  "3,103,Gwent Police\n")
    result = run_cli(BINARY, "summary", *EXACT, "--json", study)
    questions = {q["id"]: q for q in json.loads(result.stdout)["questions"]}
    assert "ref" in questions and questions["ref"]["answered"] == 3, questions
    assert "Warning: two-ids.csv, column 2 (“ref”): every answer is a different whole number, " \
        "as in an id, but id is already the id. It is kept as an ordinary column" \
        in result.stderr, result.stderr
    # One id is not warned about.
    assert "Warning" not in run_cli(BINARY, "summary", *EXACT, STUDY).stderr

    second_id = write("second-id.csv", "column,role,label\nid,id,Id\nforce,attribute,Force\n"
                                       "ref,id,Reference\n")
    result = run_cli(BINARY, "summary", *EXACT, "--codebook", second_id, study, expect=1)
    assert "second-id.csv, line 4, column 2: “ref” is a second id; “id” (line 2) is already " \
        "the id." in result.stderr, result.stderr
    twice = write("twice.csv", "column,role,label\nid,id,Id\nforce,attribute,Force\n"
                               "ref,ignore,Reference\nforce,ignore,Force again\n")
    result = run_cli(BINARY, "summary", *EXACT, "--codebook", twice, study, expect=1)
    assert "twice.csv, line 5, column 1: “force” is already described on line 3." \
        in result.stderr, result.stderr
def inspect_study():
    """60 respondents: a frequency scale with "Don't know" after it, a town with rare typed-in
    answers, and answers with commas that are kept whole though they may be joined choices."""
    often = ["Never", "Sometimes", "Often", "Always", "Don't know"]
    towns = ["Cardiff", "Swansea", "Newport"]
    rare = ["Rhyl", "Bangor", "Wrexham", "Tenby", "Bala", "Conwy"]
    rude = ["Yes, somewhat", "Yes, very", "No, not really", "No, never", "Yes"]
    lines = ["id,often,town,rude"]
    for i in range(60):
        town = towns[i % 3] if i < 54 else rare[i - 54]
        lines.append(f'{i + 1},{often[i % 5]},{town},"{rude[i % 5]}"')
    return write("inspect.csv", "\n".join(lines) + "\n")


@test
def inspect_says_what_was_inferred_and_why():
    data = run_json(BINARY, "inspect", inspect_study())
    assert data["format"] == "CSV" and data["respondents"] == 60, data
    columns = {c["id"]: c for c in data["columns"]}
    assert list(columns) == ["id", "often", "town", "rude"], list(columns)
    assert columns["id"]["role"] == "id"
    assert columns["id"]["reason"] == "whole numbers, a different one for each respondent"

    often = columns["often"]
    assert often["role"] == "ordinal" and often["role_set_by"] == "inference", often
    # Never, Sometimes, Often, Always is a scale of four: no "Rarely" nobody chose.
    assert [level["label"] for level in often["levels"]] == \
        ["Never", "Sometimes", "Often", "Always", "Don't know"], often["levels"]
    assert often["scale_levels"] == 4 and often["answered"] == 60, often
    assert often["levels"][0]["count"] == 12 and often["levels"][1]["count"] == 12
    assert often["reason"] == "a known answer scale", often["reason"]

    town = columns["town"]
    assert town["role"] == "attribute" and town["other_level"] == "Other", town
    assert town["other_values"] == 6, town
    assert [level["label"] for level in town["levels"]] == \
        ["Cardiff", "Swansea", "Newport", "Other"], town["levels"]
    assert town["reason"].startswith("3 answers cover 54 of 60 respondents"), town["reason"]

    rude = columns["rude"]
    assert rude["role"] == "attribute" and rude["may_be_joined"] is True, rude
    assert "kept whole: answers contain commas" in rude["reason"], rude["reason"]
    assert data["hidden"] == [] and data["warnings"] == [], data


@test
def inspect_text_marks_folding_joining_and_the_scale():
    out = run_cli(BINARY, "inspect", inspect_study()).stdout
    assert "Format: CSV" in out, out
    assert "Role: ordinal: a known answer scale" in out, out
    assert "6 different answers went into “Other”." in out, out
    assert "may be several choices joined by commas" in out, out
    lines = out.splitlines()
    dont_know = next(line for line in lines if "Don't know" in line)
    assert "(outside the scale)" in dont_know, dont_know
    assert "Nothing was repaired" in out, out


@test
def inspect_names_a_role_the_file_set():
    qualtrics = write("inspect-qualtrics.csv",
                      "ResponseId,Q1\nResponse ID,Force\n"
                      '"{""ImportId"":""_recordId""}","{""ImportId"":""QID1""}"\n'
                      "R_a,Gwent\nR_b,Dyfed\n")
    data = run_json(BINARY, "inspect", qualtrics)
    columns = {c["id"]: c for c in data["columns"]}
    assert data["format"] == "Qualtrics", data["format"]
    assert columns["ResponseId"]["role"] == "id", columns["ResponseId"]
    assert columns["ResponseId"]["role_set_by"] == "file", columns["ResponseId"]


@test
def inspect_names_the_codebook_and_collapses_repeated_warnings():
    codebook = write("inspect-codebook.csv",
                     "column,role,levels\nforce,attribute,Gwent Police|South Wales Police\n"
                     + "".join(f"gone{i},attribute,\n" for i in range(7)))
    data = run_json(BINARY, "inspect", "--codebook", codebook, STUDY)
    columns = {c["id"]: c for c in data["columns"]}
    assert columns["force"]["reason"] == "set by the codebook", columns["force"]
    assert columns["force"]["role_set_by"] == "codebook"
    assert columns["agree"]["role_set_by"] == "inference"
    # Seven codebook lines for columns the file lacks: one warning, not seven.
    assert len(data["warnings"]) == 1, data["warnings"]
    assert data["warnings"][0].startswith(
        "inspect-codebook.csv: the codebook describes 7 columns that study.csv does not have "
        "(lines 3, 4, 5, 6, 7 and 2 more"), data["warnings"]
    result = run_cli(BINARY, "inspect", "--codebook", codebook, STUDY)
    assert result.stderr == "", result.stderr
    assert "1 repair or warning:" in result.stdout, result.stdout


@test
def inspect_shows_each_levels_code():
    raw = write("inspect-raw.csv", "id,force\n1,1\n2,2\n3,1\n")
    codebook = write("inspect-codes.csv",
                     "column,role,levels,codes\nforce,attribute,Gwent|Dyfed|Gwent Nord,1|2|3\n")
    data = run_json(BINARY, "inspect", "--codebook", codebook, raw)
    force = {c["id"]: c for c in data["columns"]}["force"]
    assert [(l["label"], l["code"], l["count"]) for l in force["levels"]] == [
        ("Gwent", "1", 2), ("Dyfed", "2", 1), ("Gwent Nord", "3", 0)], force["levels"]
    out = run_cli(BINARY, "inspect", "--codebook", codebook, raw).stdout
    assert "Gwent Nord       0  (code 3)" in out, out


@test
def inspect_escapes_control_characters():
    study = write("control.csv", "id,force\n1,\"Gwent\x1b[31m\"\n2,Dyfed\n3,Dyfed\n"
                                 "4,\"Gwent\x1b[31m\"\n")
    out = run_cli(BINARY, "inspect", study).stdout
    assert "\x1b" not in out, repr(out)
    assert "Gwent\\e[31m" in out, out


@test
def json_escapes_the_unit_separator():
    # json-glib writes U+001F as it is, which a strict reader (Python's) refuses in a string.
    rows = ["id,force"] + [f'{i},"Force\x1f{i % 2}"' for i in range(1, 9)]
    study = write("unit-separator.csv", "\n".join(rows) + "\n")
    columns = {c["id"]: c for c in run_json(BINARY, "inspect", study)["columns"]}
    assert [level["label"] for level in columns["force"]["levels"]] == \
        ["Force\x1f1", "Force\x1f0"], columns["force"]
    layout = os.path.join(WORK, "unit-separator.json")
    run_cli(BINARY, "export", "--question", "force", *EXACT, "--layout", layout, "-o",
            os.path.join(WORK, "unit-separator.png"), study)
    with open(layout, encoding="utf-8") as handle:
        texts = [label["text"] for label in json.load(handle)["labels"]]
    assert "Force\x1f1" in texts, texts


@test
def inspect_usage():
    run_cli(BINARY, "inspect", expect=2)
    run_cli(BINARY, "inspect", "--filter", "force=Gwent Police", STUDY, expect=2)


# Safe output: what the data hold never acts on the reader's terminal, never breaks an SVG,
# and never overwrites the data.

HOSTILE = "\x1b]0;pwned\x07"


def hostile_study():
    rows = ["id,force,comment"]
    for i in range(1, 7):
        force = "Gwent\x01Police" if i % 2 else "South\x0bWales"
        rows.append(f"{i},{force},\"Answer {i} is long enough to be free text {HOSTILE} "
                    f"and it differs from row to row: {i * 7919}\"")
    return write("hostile.csv", "\n".join(rows) + "\n")


@test
def terminal_output_escapes_control_characters():
    study = hostile_study()
    for args in (["quotes", "--respondent", "1"], ["summary", "--question", "force"],
                 ["summary"]):
        result = run_cli(BINARY, *args, *EXACT, study)
        assert "\x1b" not in result.stdout and "\x07" not in result.stdout, result.stdout
        assert "\x01" not in result.stdout and "\x0b" not in result.stdout, result.stdout
    text = run_cli(BINARY, "quotes", "--respondent", "1", *EXACT, study).stdout
    assert "\\u001b]0;pwned\\u0007" in text, text
    # JSON escapes them its own way and reads back as the answer was.
    quotes = run_json(BINARY, "quotes", "--respondent", "1", *EXACT, study)
    assert HOSTILE in quotes[0]["text"], quotes
    result = run_cli(BINARY, "summary", "--question", "force", "--filter",
                     f"force=x{HOSTILE}", *EXACT, study, expect=2)
    assert "\x1b" not in result.stderr and "\\u001b" in result.stderr, result.stderr


@test
def an_svg_with_control_characters_in_its_labels_is_xml():
    import xml.dom.minidom
    study = hostile_study()
    svg = os.path.join(WORK, "hostile.svg")
    run_cli(BINARY, "export", "--question", "force", "--title", f"Forces {HOSTILE}", *EXACT,
            "-o", svg, study)
    document = xml.dom.minidom.parse(svg)
    words = " ".join(node.firstChild.data for node in document.getElementsByTagName("text")
                     if node.firstChild is not None)
    assert "Gwent" in words and "Police" in words and "Forces" in words, words


@test
def outputs_never_overwrite_the_study():
    with open(STUDY, encoding="utf-8") as handle:
        before = handle.read()
    result = run_cli(BINARY, "export", "--question", "agree", *EXACT, "--layout", STUDY, "-o",
                     os.path.join(WORK, "safe.png"), STUDY, expect=2)
    assert "read from" in result.stderr, result.stderr
    # Responses saved under a chart's name: -o onto them refuses too.
    disguised = write("responses.svg", before)
    run_cli(BINARY, "export", "--question", "agree", *EXACT, "-o", disguised, disguised,
            expect=2)
    for path in (STUDY, disguised):
        with open(path, encoding="utf-8") as handle:
            assert handle.read() == before, path


@test
def replacing_an_export_keeps_its_mode_and_its_symlink():
    chart = os.path.join(WORK, "kept.svg")
    run_cli(BINARY, "export", "--question", "agree", *EXACT, "-o", chart, STUDY)
    os.chmod(chart, 0o640)
    run_cli(BINARY, "export", "--question", "force", *EXACT, "-o", chart, STUDY)
    assert os.stat(chart).st_mode & 0o7777 == 0o640, oct(os.stat(chart).st_mode)
    with open(chart, encoding="utf-8") as handle:
        assert "Gwent" in handle.read()
    target = os.path.join(WORK, "target.svg")
    link = os.path.join(WORK, "link.svg")
    run_cli(BINARY, "export", "--question", "agree", *EXACT, "-o", target, STUDY)
    os.symlink("target.svg", link)
    run_cli(BINARY, "export", "--question", "force", *EXACT, "-o", link, STUDY)
    assert os.path.islink(link) and os.readlink(link) == "target.svg"
    with open(target, encoding="utf-8") as handle:
        assert "Gwent" in handle.read()


@test
def all_text_gives_every_open_answer_of_a_segment():
    # "agree" has no open question of its own: its Agree segment's answers elsewhere.
    data = run_json(BINARY, "quotes", *EXACT, "--question", "agree", "--level", "Agree",
                    "--all-text", STUDY)
    assert data["respondents"] == 2, data
    assert [(g["question"], g["respondents"]) for g in data["groups"]] == [("comment", 2)], data
    assert [q["text"] for q in data["groups"][0]["quotes"]] == ["Short, with a comma", "A third"]
    out = run_cli(BINARY, "quotes", *EXACT, "--question", "agree", "--level", "Agree",
                  "--all-text", STUDY).stdout
    assert out.startswith("2 respondents · 2 quotes · every open answer they gave, from 1 open "
                          "question\n"), out
    assert "== comment: comment\n   2 quotes · 2 respondents\n" in out, out
    # Disclosure control as for the segment's own quotes: two respondents are fewer than 5.
    run_cli(BINARY, "quotes", "--question", "agree", "--level", "Agree", "--all-text", STUDY,
            expect=3)
    run_cli(BINARY, "quotes", *EXACT, "--all-text", STUDY, expect=2)


@test
def what_a_multi_select_level_leaves_out_is_protected():
    # 28 of the 30 who answered chose Drugs: printed, it would say that 2 did not. A parent
    # theme less a child printed beside it is as telling: Risk 13 less Drugs 12 is the one
    # respondent who raised only Debt.
    responses = "id,comment,issues\n" + "".join(
        f"{i},Comment {i},{'Drugs' if i <= 28 else 'Money'}{';Money' if i % 2 else ''}\n"
        for i in range(1, 31))
    coding = "respondent,question,code\n" + "".join(
        f"{i},comment,Risk/Drugs\n" for i in range(1, 13)) + "13,comment,Risk/Debt\n" + \
        "2,comment,Risk/Debt\n3,comment,Risk/Debt\n" + "".join(
            f"{i},comment,Support\n" for i in range(14, 23))
    study = write("leaves-out.csv", responses)
    coded = write("leaves-out-coding.csv", coding)
    issues = run_json(BINARY, "summary", "--question", "issues", study)
    drugs = {level["label"]: level for level in issues["levels"]}["Drugs"]
    assert issues["answered"] == 30 and drugs["count"] is None, issues
    themes = run_json(BINARY, "summary", "--question", "comment", "--coding", coded, study)
    counts = {level["label"]: level["count"] for level in themes["levels"]}
    assert counts["Debt"] is None, counts
    assert counts["Risk"] is None or counts["Drugs"] is None, counts
    shown = run_json(BINARY, "summary", *EXACT, "--question", "issues", study)
    assert {level["label"]: level["count"] for level in shown["levels"]}["Drugs"] == 28, shown
    # A withheld count's quotes, counted, would give it back: refused.
    hidden = "Drugs" if counts["Drugs"] is None else "Risk"
    result = run_cli(BINARY, "quotes", "--question", "comment", "--coding", coded, "--level",
                     hidden, study, expect=3)
    assert "is withheld where it is charted" in result.stderr, result.stderr


@test
def a_level_few_gave_in_all_hides_its_zeros_too():
    # 4 gave "Unsure", one in each of four groups: four "< 5" under a whole "< 5", with the
    # fifth group's 0 printed, could each only be 1. The fifth's 0 is "< 5" as well.
    rows = "".join(f"{g * 10 + i + 1},G{g},{'Unsure' if i == 0 and g < 4 else 'Yes'}\n"
                   for g in range(5) for i in range(10))
    study = write("unsure.csv", "id,grp,q\n" + rows)
    data = run_json(BINARY, "summary", "--question", "q", "--by", "grp", "--no-fold", study)
    unsure = [{level["label"]: level for level in group["levels"]}["Unsure"]
              for group in data["groups"]]
    assert all(cell["count"] is None for cell in unsure), unsure


@test
def quotes_of_a_group_follow_the_split_chart():
    # C's own chart prints Yes 10, but the chart split by force holds it back to protect A's
    # small answers: C's quotes of Yes, counted, would give it away.
    rows = ([("A", "Yes")] * 16 + [("A", "No")] * 2 + [("A", "Maybe")] * 2
            + [("B", "Yes")] * 10 + [("B", "No")] * 5 + [("B", "Maybe")] * 5
            + [("C", "Yes")] * 10 + [("C", "No")] * 5 + [("C", "Maybe")] * 5)
    study = write("split-quotes.csv", "id,force,q1,why\n" + "".join(
        f"{i + 1},{force},{answer},Because {i + 1}\n" for i, (force, answer) in enumerate(rows)))
    codebook = write("split-quotes-codebook.csv",
                     "column,role,levels,quotes_from\nid,id,,\nforce,attribute,A|B|C,\n"
                     "q1,choice,Yes|No|Maybe,why\nwhy,text,,\n")
    split = run_json(BINARY, "summary", "--codebook", codebook, "--question", "q1", "--by",
                     "force", study)
    assert split["groups"][2]["levels"][0]["count"] is None, split["groups"][2]
    args = ("--codebook", codebook, "--question", "q1", "--level", "Yes", "--by", "force",
            "--group", "C", study)
    result = run_cli(BINARY, "quotes", *args, expect=3)
    assert "split by “force” withholds how many in “C”" in result.stderr, result.stderr
    assert "10 quotes" in run_cli(BINARY, "quotes", *EXACT, *args).stdout


@test
def quotes_of_a_question_few_answered_are_refused():
    # Three answered "why": their quotes, counted, are the count that summary withholds.
    study = write("few-answered.csv", "id,why\n" + "".join(
        f"{i},{'Because ' + str(i) if i <= 3 else ''}\n" for i in range(1, 21)))
    result = run_cli(BINARY, "quotes", "--question", "why", study, expect=3)
    assert "Because" not in result.stdout, result.stdout
    assert "disclosure threshold (5) answered “why”" in result.stderr, result.stderr
    assert "3 quotes" in run_cli(BINARY, "quotes", *EXACT, "--question", "why", study).stdout


@test
def all_text_of_the_untrained_on_the_sample():
    data = run_json(BINARY, "quotes", *EXACT, "--sample", "--question", "training", "--level",
                    "No", "--all-text")
    assert data["respondents"] == 56, data["respondents"]
    ids = [g["question"] for g in data["groups"]]
    # They were not asked about their training; every other open question, in the study's order.
    assert "training_comments" not in ids and ids[0] == "cop_definition_develop", ids
    for group in data["groups"]:
        assert group["respondents"] == len({q["respondent"] for q in group["quotes"]}), group
        assert all(q["question"] == group["question"] for q in group["quotes"]), group
    # A group is exactly that open question's quotes under the filter training=No.
    own = run_json(BINARY, "quotes", *EXACT, "--sample", "--question", "vulnerabilities",
                   "--filter", "training=No")
    group = data["groups"][ids.index("vulnerabilities")]
    assert [(q["respondent"], q["text"]) for q in group["quotes"]] == \
        [(q["respondent"], q["text"]) for q in own], group
    # Under k = 5, an open question fewer of them answered is left out: its quotes, counted,
    # would be the number withheld.
    safe = run_json(BINARY, "quotes", "--sample", "--question", "training", "--level", "No",
                    "--all-text")
    small = [g for g in data["groups"] if g["respondents"] < 5]
    assert small and safe["questions_left_out"] == len(small), (small, safe["questions_left_out"])
    assert all(g["respondents"] is not None and g["respondents"] >= 5 for g in safe["groups"]), \
        safe["groups"]


def xlsx_fixture(name):
    root = os.environ.get("FE_FIXTURES_DIR", "")
    path = os.path.join(root, "xlsx", name)
    return path if root and os.path.isfile(path) else None


@test
def excel_workbooks_summarise_export_and_inspect():
    msforms = xlsx_fixture("msforms_nav-medlemsundersokelse.xlsx")
    types = xlsx_fixture("readxl_types-1904-booleans-errors.xlsx")
    if msforms is None or types is None:
        return  # the shared fixtures are not beside this checkout
    data = run_json(BINARY, "summary", *EXACT, "--question", "Hvor jobber du i NAV?", msforms)
    levels = {level["label"]: level["count"] for level in data["levels"]}
    assert levels == {"Direktoratet": 18, "Linje": 7}, levels
    inspected = run_json(BINARY, "inspect", msforms)
    assert inspected["format"] == "Excel workbook", inspected["format"]
    assert inspected["sheet"] == "Sheet1", inspected
    assert "Sheet: Sheet1" in run_cli(BINARY, "inspect", msforms).stdout
    chart = os.path.join(WORK, "nav.svg")
    run_cli(BINARY, "export", *EXACT, "--question", "Hvor jobber du i NAV?", "-o", chart, msforms)
    assert "Direktoratet" in open(chart, encoding="utf-8").read()
    # --sheet by name or number; the default is the first sheet with data.
    first = run_json(BINARY, "summary", *EXACT, types)
    assert {q["id"] for q in first["questions"]} >= {"boolean", "text"}, first
    by_name = run_json(BINARY, "summary", *EXACT, "--sheet", "smorgasbord", types)
    by_number = run_json(BINARY, "summary", *EXACT, "--sheet", "3", types)
    assert by_name == by_number and by_name["respondents"] == 19, by_name
    result = run_cli(BINARY, "summary", "--sheet", "nope", types, expect=1)
    assert "has no sheet “nope”" in result.stderr and "smorgasbord" in result.stderr
    result = run_cli(BINARY, "summary", "--sheet", "2", "--sample", expect=2)
    assert "--sheet" in result.stderr


@test
def an_old_xls_workbook_says_how_to_save_it():
    path = os.path.join(WORK, "old.xls")
    with open(path, "wb") as handle:
        handle.write(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    result = run_cli(BINARY, "summary", path, expect=1)
    assert "old.xls is an Excel 97–2003 workbook (.xls)" in result.stderr, result.stderr
    assert "(.xlsx)" in result.stderr and "CSV" in result.stderr


def spss_fixture(name):
    """A file of ../shared/fixtures/spss, or None where the fixtures are not beside us."""
    path = os.path.join(os.environ.get("FE_FIXTURES_DIR", ""), "spss", name)
    return path if os.path.isfile(path) else None


@test
def summary_export_and_inspect_read_a_sav():
    gss = spss_fixture("hoffman-gss.sav")
    if gss is None:
        return
    data = run_json(BINARY, "summary", *EXACT, "--question", "marital", gss)
    assert data["label"] == "marital status", data
    levels = [(level["label"], level["count"]) for level in data["levels"]]
    assert levels == [("married", 1390), ("widowed", 282), ("divorced", 455),
                      ("separated", 118), ("never married", 658)], levels
    # The same counts split by a labelled attribute, from the Stata copy of the same data.
    dta = run_json(BINARY, "summary", *EXACT, "--question", "marital",
                   spss_fixture("hoffman-gss.dta"))
    assert [(level["label"], level["count"]) for level in dta["levels"]] == levels
    inspect = run_json(BINARY, "inspect", gss)
    assert inspect["format"] == "SPSS", inspect["format"]
    columns = {c["id"]: c for c in inspect["columns"]}
    assert columns["marital"]["role_set_by"] == "dictionary", columns["marital"]
    assert any("system-missing" in w for w in inspect["warnings"]), inspect["warnings"]
    chart = os.path.join(WORK, "marital.svg")
    run_cli(BINARY, "export", *EXACT, "--question", "marital", "--by", "female", "-o", chart,
            gss)
    with open(chart, encoding="utf-8") as handle:
        svg = handle.read()
    assert "never married" in svg


@test
def a_sav_with_a_codebook_beside_it():
    sample = spss_fixture("pyreadstat-sample.sav")
    if sample is None:
        return
    codebook = write("sample-codebook.csv",
                     "column,role,label\nmylabl,choice,Sex of the respondent\n")
    data = run_json(BINARY, "inspect", "--codebook", codebook, sample)
    columns = {c["id"]: c for c in data["columns"]}
    assert columns["mylabl"]["label"] == "Sex of the respondent", columns["mylabl"]
    assert columns["mylabl"]["role"] == "choice"
    assert [level["label"] for level in columns["mylabl"]["levels"]] == ["Male", "Female"]
    assert columns["myord"]["role_set_by"] == "dictionary"
    assert data["weight"] is None
    weighted = spss_fixture("savreaderwriter-spssio_test.sav")
    assert run_json(BINARY, "inspect", weighted)["weight"] == "weightVar"


@test
def weighted_percentages_of_unweighted_counts():
    # Agree weighs 3; the four who disagree weigh 1, 0, nothing and -2 (fe-test-sav.c).
    path = os.path.join(WORK, "weighted.sav")
    run_cli(sys.argv[2], path)
    data = run_json(BINARY, "summary", *EXACT, "--weighted", "--question", "agree", path)
    assert data["weighted_by"] == "wt", data
    levels = {level["label"]: level for level in data["levels"]}
    assert levels["Agree"]["count"] == 1 and levels["Agree"]["base"] == 5, levels
    assert levels["Agree"]["percent"] == 75 and levels["Disagree"]["percent"] == 25, levels
    plain = run_json(BINARY, "summary", *EXACT, "--question", "agree", path)
    assert plain["weighted_by"] is None
    assert [level["percent"] for level in plain["levels"]] == [20, 80], plain
    text = run_cli(BINARY, "summary", *EXACT, "--weighted", "--question", "agree", path).stdout
    assert "Percentages weighted by wt" in text and "1 of 5, 75%" in text, text
    # The second region's two weigh 0 and nothing: no share of them, null rather than 0.
    split = run_json(BINARY, "summary", *EXACT, "--weighted", "--question", "agree", "--by",
                     "region", "--no-fold", path)
    weightless = [g for g in split["groups"] if g["base"] == 2]
    assert weightless and all(level["percent"] is None for level in weightless[0]["levels"]), \
        split["groups"]
    layout = os.path.join(WORK, "weighted.json")
    run_cli(BINARY, "export", *EXACT, "--weighted", "--question", "agree", path, "-o",
            layout.replace(".json", ".svg"), "--layout", layout)
    with open(layout, encoding="utf-8") as f:
        chart = json.load(f)
    assert chart["weighted_by"] == "wt", chart
    assert [s["percent"] for s in chart["segments"]] == [75, 25], chart["segments"]
    refused = run_cli(BINARY, "export", *EXACT, "--weighted", "--measure", "count", "--question",
                      "agree", path, "-o", layout.replace(".json", "-count.svg"), expect=2)
    assert "--weighted weights percentages" in refused.stderr, refused.stderr
    inspected = run_json(BINARY, "inspect", path)
    assert inspected["unweighted"] == {"missing": 1, "zero": 1, "negative": 1}, inspected
    # No weight to weight by: an error naming the file, nothing printed.
    result = run_cli(BINARY, "summary", "--weighted", "--question", "agree", STUDY, expect=2)
    assert "--weighted" in result.stderr and os.path.basename(STUDY) in result.stderr, \
        result.stderr
    assert result.stdout == ""
    fixture = spss_fixture("savreaderwriter-spssio_test.sav")
    if fixture is not None:
        data = run_json(BINARY, "summary", *EXACT, "--weighted", "--question", "Region",
                        fixture)
        # Every case of the fixture weighs 1: weighted and unweighted agree.
        assert data["weighted_by"] == "weightVar"
        assert [level["percent"] for level in data["levels"]] == [56, 44], data


@test
def unreadable_spss_files_exit_1_naming_the_file():
    encrypted = spss_fixture("readspss-hotel-encrypted.sav")
    sample = spss_fixture("pyreadstat-sample.sav")
    if encrypted is None or sample is None:
        return
    result = run_cli(BINARY, "summary", encrypted, expect=1)
    assert "readspss-hotel-encrypted.sav is a password-protected SPSS file" in result.stderr, \
        result.stderr
    with open(sample, "rb") as handle:
        head = handle.read(700)
    cut = os.path.join(WORK, "cut.sav")
    with open(cut, "wb") as handle:
        handle.write(head)
    result = run_cli(BINARY, "summary", cut, expect=1)
    assert "cut.sav is cut short: it ends before all the data an SPSS file holds" \
        in result.stderr, result.stderr
    assert "ReadStat error" in result.stderr, result.stderr



NUMBERS = write("numbers.csv", "id,age,team\n" + "".join(
    f"{i},{18 + (i * 7) % 60},{'AB'[i % 2]}\n" for i in range(1, 121)) + "121,97,A\n")


@test
def numeric_summary_gives_bins_and_quartiles():
    data = run_json(BINARY, "summary", *EXACT, "--question", "age", NUMBERS)
    assert data["role"] == "numeric", data
    ages = sorted([18 + (i * 7) % 60 for i in range(1, 121)] + [97])
    n = len(ages)

    def quartile(p):
        h = (n - 1) * p
        low = int(h)
        return ages[low] + (h - low) * (ages[min(low + 1, n - 1)] - ages[low])

    numbers = data["numbers"]
    assert numbers["n"] == n and numbers["whole_numbers"], numbers
    assert numbers["median"] == quartile(0.5), numbers
    assert numbers["lower_quartile"] == quartile(0.25), numbers
    assert numbers["upper_quartile"] == quartile(0.75), numbers
    levels = {level["label"]: level["count"] for level in data["levels"]}
    assert levels["20–29"] == sum(20 <= a <= 29 for a in ages), levels
    assert levels["90–99"] == 1, levels
    assert sum(levels.values()) == n
    assert numbers["bin_edges"][0] == 10 and numbers["bin_edges"][-1] == 100, numbers


@test
def range_filter_counts_whole_bins():
    data = run_json(BINARY, "summary", *EXACT, "--question", "team", "--filter", "age=20..39",
                    NUMBERS)
    ages = [18 + (i * 7) % 60 for i in range(1, 121)]
    assert data["base"] == sum(20 <= a <= 39 for a in ages), data
    assert data["filter"] == "age = 20–29, 30–39", data
    result = run_cli(BINARY, "summary", *EXACT, "--question", "team", "--filter", "age=20..35",
                     NUMBERS, expect=2)
    assert "cuts a bin in two" in result.stderr and "30–39" in result.stderr, result.stderr
    data = run_json(BINARY, "summary", *EXACT, "--question", "team", "--filter", "age=60..",
                    NUMBERS)
    assert data["base"] == sum(a >= 60 for a in ages) + 1, data


@test
def small_bins_are_withheld_like_levels():
    data = run_json(BINARY, "summary", "--min-cell", "5", "--question", "age", NUMBERS)
    levels = {level["label"]: level for level in data["levels"]}
    # The one respondent of 97 is a bin of fewer than 5: withheld as a level would be.
    assert levels["90–99"]["count"] is None and levels["90–99"]["withheld"] == "small", levels
    # A bin of one is a segment like any other: filtering to it is refused, so its one
    # respondent's age is never printed as a median.
    result = run_cli(BINARY, "summary", "--min-cell", "5", "--question", "age", "--filter",
                     "age=90..99", NUMBERS, expect=3)
    assert "97" not in result.stdout, result.stdout
    # Beside a withheld count neither how many gave a number (the answered less it) nor the
    # quartiles are said: a median of whole numbers between two bins, 29.5 of 24 ages, says
    # that 12 are under 30, and the bins shown then give the withheld ones.
    assert data["numbers"]["n"] is None and data["numbers"]["median"] is None, data
    text = run_cli(BINARY, "summary", "--min-cell", "5", "--question", "age", NUMBERS).stdout
    assert "Median" not in text and "not stated" in text, text
    shown = run_json(BINARY, "summary", "--min-cell", "0", "--question", "age", NUMBERS)
    assert shown["numbers"]["median"] is not None, shown

main()
