# SPDX-License-Identifier: GPL-3.0-or-later
"""The sample study reproduces the report: every figure it gives, and every quote it prints."""
import csv
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from tap import main, run_json, test  # noqa: E402

BINARY = sys.argv[1]
# These tests check the researcher's exact figures: disclosure control (default k = 5) off.
EXACT = ("--min-cell", "0")
QUOTES_TSV = os.path.join(os.path.dirname(__file__), "data", "report-quotes.tsv")

# Respondents per level in the default view of 95, as the report gives them (question id →
# level → count). A tuple (">=", n) means at least n.
FIGURES = {
    "force": {"South Wales Police": 80, "Gwent Police": 12, "Dyfed-Powys Police": 2,
              "North Wales Police": 1},
    "training": {"No": 56},
    "training_prepared": {"Extremely well": 1},
    "sex_work_definition": {"Literal definition": 55, "Work or service language": 18,
                            "Exploitation": 18, "Moral judgement": (">=", 2)},
    "vulnerabilities": {"Substance use": 38, "Exploitation": 19, "Lone working": 18,
                        "Financial issues": 18, "Coercion or control": 14, "Mental health": 13,
                        "Homelessness": 10, "Lack of protection": 4, "Gender": 3,
                        "Immigration status": 3, "Stigma and discrimination": 2,
                        "Regulatory framework": 1},
    "force_policy": {"Unsure of force policy": 24, "No specific policy": 5,
                     "Partnership working": 6},
    "guidance_aware": {"No": 55, "Yes": 15},
    "guidance_alignment": {"Very well": 25, "Extremely well": 12},
    "alignment_themes": {"Judgement-free and supportive": 10},
    "identify_vulnerability": {"Unsure": 28, "Public Protection Notice": 8,
                               "Information sharing": 2},
    "barriers": {"Lack of trust": 13, "Lack of engagement": 6, "Fear of not being believed": 4,
                 "Risk from third parties": 4},
    "better_positioned": {"Training and knowledge": 12},
    "better_enabled": {"Training and knowledge": 28},
    "promising_practice": {"Partnership working": 9, "Positive ways of working": 2},
}

ANSWERED = {"guidance_alignment": 67, "promising_practice": 17}

ROLES = {"force": "attribute", "training": "choice", "training_prepared": "ordinal",
         "cop_definition_fit": "ordinal", "guidance_aware": "choice",
         "guidance_alignment": "ordinal", "vulnerabilities": "coded", "barriers": "coded"}


def levels_of(data):
    return {level["label"]: level["count"] for level in data["levels"]}


@test
def base_is_95_and_128_with_incomplete():
    data = run_json(BINARY, "summary", *EXACT, "--sample")
    assert data["respondents"] == 95 and data["excluded"] == 33, data
    data = run_json(BINARY, "summary", *EXACT, "--sample", "--include-incomplete")
    assert data["respondents"] == 128 and data["excluded"] == 0, data
    data = run_json(BINARY, "summary", *EXACT, "--sample", "--question", "force")
    assert data["base"] == 95


@test
def question_roles():
    questions = {q["id"]: q for q in run_json(BINARY, "summary", *EXACT, "--sample")["questions"]}
    for question, role in ROLES.items():
        assert questions[question]["role"] == role, (question, questions[question])


@test
def report_figures():
    for question, expected in FIGURES.items():
        data = run_json(BINARY, "summary", *EXACT, "--sample", "--question", question)
        assert data["base"] == 95, (question, data["base"])
        got = levels_of(data)
        for level, count in expected.items():
            if isinstance(count, tuple):
                assert got[level] >= count[1], (question, level, got[level])
            else:
                assert got[level] == count, (question, level, got.get(level), count)
    for question, answered in ANSWERED.items():
        data = run_json(BINARY, "summary", *EXACT, "--sample", "--question", question)
        assert data["answered"] == answered, (question, data["answered"])


@test
def definition_fit_groups():
    got = levels_of(run_json(BINARY, "summary", *EXACT, "--sample", "--question", "cop_definition_fit"))
    assert got["Very"] + got["Extremely"] == 64, got
    assert got["Not at all"] + got["Slightly"] + got["Moderately"] == 12, got


@test
def partnership_policy_is_all_south_wales():
    data = run_json(BINARY, "summary", *EXACT, "--sample", "--question", "force_policy", "--by", "force")
    for group in data["groups"]:
        count = levels_of(group)["Partnership working"]
        assert count == (6 if group["label"] == "South Wales Police" else 0), group


@test
def forces_the_report_implies():
    expected = {"52": "South Wales Police", "62": "South Wales Police",
                "87": "South Wales Police", "89": "Gwent Police", "92": "Gwent Police",
                "93": "Gwent Police", "95": "Gwent Police"}
    for respondent, force in expected.items():
        quotes = run_json(BINARY, "quotes", *EXACT, "--sample", "--respondent", respondent)
        assert quotes and quotes[0]["attributes"]["force"] == force, (respondent, quotes[:1])


@test
def every_report_quote_is_found_by_its_participant():
    with open(QUOTES_TSV, encoding="utf-8") as handle:
        rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert len(rows) >= 40, len(rows)
    by_respondent = {}
    for participant, question, text in rows:
        if participant not in by_respondent:
            by_respondent[participant] = run_json(BINARY, "quotes", *EXACT, "--sample", "--respondent",
                                                  participant)
        quotes = [q for q in by_respondent[participant] if q["question"] == question]
        matching = [q for q in quotes if text in q["text"]]
        assert matching, (participant, question, text)
        assert any((q["note"] or "").startswith("quoted in report §") for q in matching), \
            (participant, question, matching)


@test
def segment_quotes_match_the_segment():
    quotes = run_json(BINARY, "quotes", *EXACT, "--sample", "--question", "vulnerabilities", "--level",
                      "Substance use", "--by", "force", "--group", "Gwent Police")
    assert quotes, "no quotes"
    respondents = {q["respondent"] for q in quotes}
    data = run_json(BINARY, "summary", *EXACT, "--sample", "--question", "vulnerabilities", "--by",
                    "force")
    gwent = next(g for g in data["groups"] if g["label"] == "Gwent Police")
    assert len(respondents) == levels_of(gwent)["Substance use"], respondents
    for quote in quotes:
        assert "Substance use" in quote["codes"] and \
            quote["attributes"]["force"] == "Gwent Police", quote


@test
def illustrative_answers_are_marked():
    quotes = run_json(BINARY, "quotes", *EXACT, "--sample", "--question", "promising_practice")
    notes = {q["note"] for q in quotes}
    assert notes <= {"illustrative"} | {n for n in notes if n and n.startswith("quoted in")}, notes
    assert "illustrative" in notes


main()
