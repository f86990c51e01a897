# SPDX-License-Identifier: GPL-3.0-or-later
"""The command line: usage errors, exit codes and the JSON shapes the README promises."""
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from tap import main, run_cli, run_json, test  # noqa: E402

BINARY = sys.argv[1]
WORK = tempfile.mkdtemp(prefix="fe-cli-")


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
    data = run_json(BINARY, "summary", STUDY)
    assert data["respondents"] == 4 and data["excluded"] == 1, data
    questions = {q["id"]: q for q in data["questions"]}
    assert set(questions) == {"force", "agree", "comment"}, questions
    assert questions["agree"]["role"] == "ordinal"
    assert questions["comment"]["answered"] == 3
    data = run_json(BINARY, "summary", "--include-incomplete", STUDY)
    assert data["respondents"] == 5 and data["excluded"] == 0


@test
def summary_question_by_attribute():
    data = run_json(BINARY, "summary", "--question", "agree", "--by", "force", STUDY)
    assert data["base"] == 4 and data["answered"] == 4
    levels = {level["label"]: level["count"] for level in data["levels"]}
    assert levels["Agree"] == 2 and levels["Strongly disagree"] == 0, levels
    groups = {group["label"]: group for group in data["groups"]}
    assert groups["Gwent Police"]["base"] == 2
    gwent = {level["label"]: level["count"] for level in groups["Gwent Police"]["levels"]}
    assert gwent["Disagree"] == 1 and gwent["Agree"] == 1


@test
def filter_narrows_counts():
    data = run_json(BINARY, "summary", "--question", "agree", "--filter",
                    "force=South Wales Police", STUDY)
    assert data["base"] == 2, data
    data = run_json(BINARY, "summary", "--question", "agree", "--filter",
                    "force=South Wales Police,Gwent Police", STUDY)
    assert data["base"] == 4, data


@test
def quotes_behind_a_level():
    quotes = run_json(BINARY, "quotes", "--question", "comment", "--by", "force", "--group",
                      "Gwent Police", STUDY)
    assert [q["text"] for q in quotes] == ["Short, with a comma"], quotes
    assert quotes[0]["respondent"] == "1"
    assert quotes[0]["attributes"] == {"force": "Gwent Police"}


@test
def text_output_is_readable():
    out = run_cli(BINARY, "summary", "--question", "agree", STUDY).stdout
    assert "Strongly agree" in out and "Base: 4 respondents" in out, out
    out = run_cli(BINARY, "quotes", "--respondent", "2", STUDY).stdout
    assert "Another view" in out and "Participant 2" in out, out


@test
def unknown_ids_list_the_valid_ones():
    result = run_cli(BINARY, "summary", "--question", "nope", STUDY, expect=2)
    assert "force, agree, comment" in result.stderr, result.stderr
    result = run_cli(BINARY, "summary", "--question", "agree", "--filter", "force=Dyfed", STUDY,
                     expect=2)
    assert "“Gwent Police”" in result.stderr, result.stderr
    run_cli(BINARY, "quotes", "--respondent", "99", STUDY, expect=2)


@test
def usage_errors_exit_2():
    run_cli(BINARY, "summary", expect=2)
    run_cli(BINARY, "quotes", STUDY, expect=2)
    run_cli(BINARY, "summary", "--by", "force", STUDY, expect=2)
    run_cli(BINARY, "summary", "--bogus", STUDY, expect=2)
    run_cli(BINARY, "frobnicate", expect=2)


@test
def bad_data_exits_1_naming_the_place():
    broken = write("broken.csv", "id,force\n1,Gwent\n2,Gwent,extra\n")
    result = run_cli(BINARY, "summary", broken, expect=1)
    assert "broken.csv, line 3, column 3:" in result.stderr, result.stderr
    result = run_cli(BINARY, "summary", os.path.join(WORK, "missing.csv"), expect=1)
    assert "missing.csv, line 1, column 1:" in result.stderr, result.stderr


@test
def input_files_are_never_modified():
    with open(STUDY, "rb") as handle:
        before = handle.read()
    run_cli(BINARY, "summary", STUDY)
    with open(STUDY, "rb") as handle:
        assert handle.read() == before


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
    assert [level["label"] for level in often["levels"]] == \
        ["Never", "Rarely", "Sometimes", "Often", "Always", "Don't know"], often["levels"]
    assert often["scale_levels"] == 5 and often["answered"] == 60, often
    assert often["levels"][0]["count"] == 12 and often["levels"][1]["count"] == 0
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
    assert "6 typed answers went into “Other”." in out, out
    assert "may be several choices joined by commas" in out, out
    lines = out.splitlines()
    dont_know = next(line for line in lines if "Don't know" in line)
    assert "(outside the scale)" in dont_know, dont_know
    assert "Nothing was repaired" in out, out


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
def inspect_escapes_control_characters():
    study = write("control.csv", "id,force\n1,\"Gwent\x1b[31m\"\n2,Dyfed\n3,Dyfed\n"
                                 "4,\"Gwent\x1b[31m\"\n")
    out = run_cli(BINARY, "inspect", study).stdout
    assert "\x1b" not in out, repr(out)
    assert "Gwent\\e[31m" in out, out


@test
def inspect_usage():
    run_cli(BINARY, "inspect", expect=2)
    run_cli(BINARY, "inspect", "--filter", "force=Gwent Police", STUDY, expect=2)


main()
