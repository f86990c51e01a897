# SPDX-License-Identifier: GPL-3.0-or-later
"""LANGUAGE=cy runs the app in Welsh: its verbs, their plurals, and the charts they export.

test-welsh.py BINARY   (FE_LOCALEDIR names the build tree's catalogues)
"""
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import tap  # noqa: E402

binary = sys.argv[1]


def run(language, *args):
    env = dict(os.environ, LANGUAGE=language, LC_ALL="C.UTF-8")
    result = subprocess.run([binary, *args], capture_output=True, text=True, env=env,
                            timeout=60, check=False)
    assert result.returncode == 0, f"{args}: exit {result.returncode}\n{result.stderr}"
    return result.stdout


@tap.test
def summary_speaks_welsh_and_english():
    welsh = run("cy", "summary", "--sample")
    assert "Astudiaeth:" in welsh and "Ymatebwyr: 95" in welsh, welsh
    # 33 takes the sixth plural form: numeral, "o", plural noun.
    assert "33 o ymatebion anghyflawn" in welsh, welsh
    english = run("en", "summary", "--sample")
    assert "Study:" in english and "Respondents: 95" in english, english


@tap.test
def plural_forms_follow_welsh_numbers():
    # Respondent 87's quotes: one respondent (form 1), twelve quotes (form 5, soft mutation).
    # Exact figures (k = 0): under the default k = 5 one respondent is "fewer than 5".
    welsh = run("cy", "quotes", "--sample", "--respondent", "87", "--min-cell", "0")
    assert "1 ymatebydd" in welsh and "o ddyfyniadau" in welsh, welsh
    assert "Cyfranogwr 87" in welsh, welsh


@tap.test
def help_is_translated():
    welsh = run("cy", "summary", "--help")
    assert "Cyfrif yr atebion i un cwestiwn" in welsh, welsh


@tap.test
def exported_chart_is_in_welsh():
    with tempfile.TemporaryDirectory() as tmp:
        svg = os.path.join(tmp, "chart.svg")
        run("cy", "export", "--sample", "--question", "training_prepared", "--by", "force",
            "-o", svg)
        with open(svg, encoding="utf-8") as f:
            text = f.read()
    assert "o ymatebwyr, atebodd" in text, "the chart's totals are not in Welsh"
    # Folded by default: South Wales and "Other" (Gwent and the two small forces), no
    # "All respondents" row adding them up.
    assert "Arall" in text and "Heddlu Gwent" in text


tap.main()
