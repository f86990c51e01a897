#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The benchmarks run on a small generated survey (2,000 respondents), print the JSON they
promise, and count what a plain recount of the file counts; refilter --verify checks every
count of every filter change against a row-by-row recount inside fe-bench."""
import csv
import json
import os
import subprocess
import sys
import tempfile

fe_bench, fe_gen_survey, codebook = sys.argv[1:4]
results = []


def check(name, condition, detail=""):
    results.append((name, condition, detail))


def bench(*args):
    out = subprocess.run([fe_bench, *args, "--codebook", codebook], check=True,
                         capture_output=True, text=True).stdout
    lines = out.strip().splitlines()
    assert len(lines) == 1, out
    return json.loads(lines[0])


with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "survey.csv")
    with open(path, "wb") as f:
        subprocess.run([fe_gen_survey, "2000", "42"], check=True, stdout=f)

    load = bench("load", path, "--runs", "1")
    check("load prints its fields",
          all(k in load for k in ("rows", "bytes", "first_chart_ms", "load_ms", "peak_rss_kib")),
          str(load))
    check("load reads every respondent", load["rows"] == 2000, str(load["rows"]))
    check("load gives the file's size", load["bytes"] == os.path.getsize(path))

    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    question = load["question"]
    answers = [r[question].strip() for r in rows]
    expected = {}
    for a in answers:
        if a:
            expected[a] = expected.get(a, 0) + 1
    got = {level["label"]: level["count"] for level in load["counts"]}
    check("the first chart's counts equal a recount of the file", got == expected,
          f"{got} != {expected}")
    check("its base is every respondent", load["base"] == len(rows))
    check("its answered count equals a recount", load["answered"] == sum(expected.values()))

    refilter = bench("refilter", path, "--runs", "1", "--changes", "25", "--verify")
    check("refilter prints its fields",
          all(k in refilter for k in ("n", "median_ms", "p95_ms")) and refilter["n"] == 25,
          str(refilter))

    render = bench("render", path, "--runs", "1")
    check("render prints its times", "median_ms" in render and render["by"] == "force",
          str(render))

print(f"1..{len(results)}")
for i, (name, ok, detail) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {i} {name}")
    if not ok and detail:
        print("# " + detail.replace("\n", "\n# "))
sys.exit(0 if all(ok for _, ok, _ in results) else 1)
