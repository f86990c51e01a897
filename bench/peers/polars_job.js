// SPDX-License-Identifier: GPL-3.0-or-later
// The benchmark's job in Polars (nodejs-polars, POLARS_MAX_THREADS=2): load, first counts,
// re-filter and re-count.
const pl = require('nodejs-polars');
const [path, changes] = [process.argv[2], parseInt(process.argv[3])];
const closed = ['force', 'role', 'service', 'q1', 'q2', 'q3', 'q4', 'themes'];
let seed = 20261128;
const rand = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
const t0 = performance.now();
const df = pl.readCSV(path);
const t1 = performance.now();
df.groupBy('q1').len();
const t2 = performance.now();
const levels = {};
for (const c of closed) levels[c] = df.getColumn(c).dropNulls().unique().toArray();
const filters = new Map();
const times = [];
for (let i = 0; i < changes; i++) {
  const c = closed[rand(closed.length)];
  const level = levels[c][rand(levels[c].length)];
  const picked = filters.get(c) || new Set();
  if (picked.has(level)) picked.delete(level); else picked.add(level);
  if (picked.size) filters.set(c, picked); else filters.delete(c);
  if (filters.size > 3) filters.delete(filters.keys().next().value);
  const s = performance.now();
  // Lazy queries, so that the filtered rows stay inside Polars and are freed as each query ends:
  // a filtered frame handed to JavaScript keeps its native memory until V8 collects it.
  const counts = (columns, except) => {
    const kept = [...filters].filter(([k]) => k !== except)
      .map(([k, v]) => pl.col(k).isIn([...v]));
    const rows = kept.length ? df.lazy().filter(kept.reduce((a, b) => a.and(b))) : df.lazy();
    return rows.groupBy(columns).agg(pl.len()).collectSync();
  };
  counts(['force', 'q1'], null);
  for (const c2 of closed) counts([c2], c2);
  times.push(performance.now() - s);
}
times.sort((a, b) => a - b);
console.log(JSON.stringify({ load_ms: t1 - t0, first_counts_ms: t2 - t1,
                             refilter_ms: times[Math.floor(times.length / 2)] }));
