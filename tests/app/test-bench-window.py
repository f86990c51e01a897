#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The window benchmark replays its whole script on 3,000 generated respondents and reports
every kind of action it times: a benchmark that stopped working would go unnoticed until the
figures were wanted."""
import json
import os
import subprocess
import sys
import tempfile

bench, generate, codebook = sys.argv[1:4]
print("1..1")
with tempfile.TemporaryDirectory() as folder:
    survey = os.path.join(folder, "survey.csv")
    with open(survey, "wb") as out:
        subprocess.run([generate, "3000"], stdout=out, check=True)
    run = subprocess.run([bench, survey, "--codebook", codebook, "--json"],
                         capture_output=True, text=True, timeout=160)
    report = json.loads(run.stdout.strip().splitlines()[-1]) if run.returncode == 0 else None
    expected = {"question change": 10, "filter click (chart)": 10,
                "filter click (respondents)": 10, "filter click (segment selected)": 10,
                "page switch": 2, "grid sort": 3, "quote search key": 6, "segment click": 1}
    if report is None:
        print("not ok 1 replays the script # exit %d: %s" % (run.returncode, run.stderr[-500:]))
        sys.exit(1)
    missing = {name: n for name, n in expected.items() if report.get(name, {}).get("n") != n}
    if missing or report["peak_rss_mib"] <= 0:
        print("not ok 1 replays the script # counts differ: %s" % missing)
        sys.exit(1)
    print("ok 1 replays the script # p95 %.1f ms, longest stall %.1f ms"
          % (report["p95_clicks_ms"], report["longest_stall_ms"]))
