// SPDX-License-Identifier: GPL-3.0-or-later
// The benchmark's job in DuckDB (@duckdb/node-api, SET threads = 2): load, first counts,
// re-filter and re-count.
const { DuckDBInstance } = require('@duckdb/node-api');
const [path, changes] = [process.argv[2], parseInt(process.argv[3])];
const closed = ['force', 'role', 'service', 'q1', 'q2', 'q3', 'q4', 'themes'];
const q = (s) => "'" + String(s).replace(/'/g, "''") + "'";
let seed = 20261128;
const rand = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
(async () => {
  const con = await (await DuckDBInstance.create(':memory:')).connect();
  await con.run('SET threads = 2');
  // run() leaves a result in DuckDB's memory, as the other peers leave theirs in a frame.
  const t0 = performance.now();
  await con.run(`CREATE TABLE t AS SELECT * FROM read_csv_auto(${q(path)}, all_varchar = true)`);
  const t1 = performance.now();
  await con.run('SELECT q1, count(*) FROM t GROUP BY q1');
  const t2 = performance.now();
  const levels = {};
  for (const c of closed) {
    const reader = await con.runAndReadAll(
      `SELECT DISTINCT "${c}" FROM t WHERE "${c}" IS NOT NULL ORDER BY 1`);
    levels[c] = reader.getRowsJS().map((row) => row[0]);
  }
  const filters = new Map();
  const times = [];
  for (let i = 0; i < changes; i++) {
    const c = closed[rand(closed.length)];
    const level = levels[c][rand(levels[c].length)];
    const picked = filters.get(c) || new Set();
    if (picked.has(level)) picked.delete(level); else picked.add(level);
    if (picked.size) filters.set(c, picked); else filters.delete(c);
    if (filters.size > 3) filters.delete(filters.keys().next().value);
    const where = (except) => {
      const parts = [...filters].filter(([k]) => k !== except)
        .map(([k, v]) => `"${k}" IN (${[...v].map(q).join(', ')})`);
      return parts.length ? 'WHERE ' + parts.join(' AND ') : '';
    };
    const s = performance.now();
    await con.run(`SELECT force, q1, count(*) FROM t ${where(null)} GROUP BY force, q1`);
    for (const c2 of closed) await con.run(`SELECT "${c2}", count(*) FROM t ${where(c2)} GROUP BY 1`);
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  console.log(JSON.stringify({ load_ms: t1 - t0, first_counts_ms: t2 - t1,
                               refilter_ms: times[Math.floor(times.length / 2)] }));
})();
