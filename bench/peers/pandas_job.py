# SPDX-License-Identifier: GPL-3.0-or-later
"""The benchmark's job in pandas (category columns): load, first counts, then re-filter and
re-count as fe-bench refilter does. Prints one JSON line; bench/compare measures its memory."""
import json
import random
import sys
import time

import pandas as pd

path, changes = sys.argv[1], int(sys.argv[2])
closed = ["force", "role", "service", "q1", "q2", "q3", "q4", "themes"]
start = time.perf_counter()
df = pd.read_csv(path, dtype={c: "category" for c in closed})
loaded = time.perf_counter()
first = df["q1"].value_counts()
counted = time.perf_counter()

rand = random.Random(20261128)
levels = {c: list(df[c].cat.categories) for c in closed}
filters = {}
times = []
for _ in range(changes):
    column = rand.choice(closed)
    level = rand.choice(levels[column])
    picked = filters.setdefault(column, set())
    picked.symmetric_difference_update({level})
    if not picked:
        del filters[column]
    if len(filters) > 3:
        del filters[next(iter(filters))]
    t0 = time.perf_counter()
    masks = {c: df[c].isin(v) for c, v in filters.items()}
    rows = pd.Series(True, index=df.index)
    for m in masks.values():
        rows &= m
    df.loc[rows].groupby(["force", "q1"], observed=False).size()
    for c in closed:
        except_rows = pd.Series(True, index=df.index)
        for other, m in masks.items():
            if other != c:
                except_rows &= m
        df.loc[except_rows, c].value_counts()
    times.append((time.perf_counter() - t0) * 1000)
times.sort()
print(json.dumps({"load_ms": (loaded - start) * 1000, "first_counts_ms": (counted - loaded) * 1000,
                  "refilter_ms": times[len(times) // 2], "rows": len(df)}))
