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


main()
