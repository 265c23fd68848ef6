// The peer of `nanni sludge` (bench/sludge_bench.py): the same call events loaded into one
// DuckDB table (outside the timing), then the sludge audit's call figures in SQL, timed warm.
//
//   node duckdb_sludge.mjs CALLS.ndjson RUNS FIGURES.json
//
// Writes FIGURES.json: load seconds, each run's seconds, DuckDB's version and threads, and the
// figures of the last run (to check them against nanni's). The figures, by docs/sludge.md, over
// the inbound calls (direction "inbound" or none): served (answered, transferred, or dropped
// by an agent after some service), abandoned, service level within 20 s and 60 s over served +
// abandoned, abandon rate, ASA, the median and 90th percentile of the served calls' waits, the
// customers' time waiting; the same by local hour of the start and by queue; per agent the
// served calls, the 10/25/50/75/90th percentiles and mean of handle_s and the services under
// 10 s; and repeat calls: a call of an identified customer followed by the same customer's next
// call (a window LEAD over the customer, by start time, then file order) within 24 h / 7 days of
// its end (start + ivr_s + queue_wait_s + handle_s), with the customers who did so, also per queue.
import { DuckDBInstance } from '@duckdb/node-api';
import { writeFileSync } from 'node:fs';

const [file, runsArg, figuresPath] = process.argv.slice(2);
const runs = Number(runsArg ?? 5);
const instance = await DuckDBInstance.create(':memory:');
const db = await instance.connect();

const t0 = performance.now();
await db.run(`
  CREATE TABLE calls AS
  SELECT row_number() OVER () AS seq, account, "from".id AS customer,
         epoch(CAST(time AS TIMESTAMPTZ))::BIGINT AS start_s, CAST(substr(time, 12, 2) AS INTEGER) AS hour,
         outcome, direction, agent, queue, queue_wait_s, handle_s, coalesce(ivr_s, 0) AS ivr_s
  FROM read_json('${file}', format = 'newline_delimited', ignore_errors = false,
                 columns = {id: 'VARCHAR', account: 'VARCHAR', time: 'VARCHAR', kind: 'VARCHAR',
                            channel: 'VARCHAR', outcome: 'VARCHAR', queue_wait_s: 'BIGINT',
                            handle_s: 'BIGINT', ivr_s: 'BIGINT', agent: 'VARCHAR', queue: 'VARCHAR',
                            transfer_to: 'VARCHAR', direction: 'VARCHAR',
                            "from": 'STRUCT(id VARCHAR, side VARCHAR)'})
  WHERE kind = 'call'`);
const load = (performance.now() - t0) / 1000;

const inbound = `
  inbound AS (
    SELECT *, (outcome IN ('answered', 'transferred')
               OR (outcome = 'dropped' AND coalesce(agent, '') <> '' AND handle_s > 0)) AS served,
           outcome = 'abandoned' AS abandoned
    FROM calls WHERE direction IS NULL OR direction = 'inbound')`;

// Totals (grouping ()), by hour and by queue in one pass.
const groups = `
  WITH ${inbound}
  SELECT hour, queue, grouping(hour) AS gh, grouping(queue) AS gq,
         count(*) AS calls, count(*) FILTER (served) AS served, count(*) FILTER (abandoned) AS abandoned,
         count(*) FILTER (outcome = 'dropped') AS dropped, count(*) FILTER (outcome = 'transferred') AS transferred,
         count(*) FILTER (served AND queue_wait_s <= 20)
           / nullif(count(*) FILTER (served OR abandoned), 0) AS service_level_20,
         count(*) FILTER (served AND queue_wait_s <= 60)
           / nullif(count(*) FILTER (served OR abandoned), 0) AS service_level_60,
         count(*) FILTER (abandoned) / nullif(count(*) FILTER (served OR abandoned), 0) AS abandon_rate,
         avg(queue_wait_s) FILTER (served) AS asa_s,
         quantile_disc(queue_wait_s, 0.5) FILTER (served) AS median_wait_s,
         quantile_disc(queue_wait_s, 0.9) FILTER (served) AS p90_wait_s,
         sum(queue_wait_s) FILTER (served OR abandoned) AS wait_s
  FROM inbound GROUP BY GROUPING SETS ((), (hour), (queue))`;

const agents = `
  WITH ${inbound}
  SELECT agent, count(*) AS served,
         quantile_disc(handle_s, [0.1, 0.25, 0.5, 0.75, 0.9]) AS q, avg(handle_s) AS mean_s,
         count(*) FILTER (handle_s < 10) AS short_calls
  FROM inbound WHERE served AND coalesce(agent, '') <> '' GROUP BY agent ORDER BY served DESC, agent`;

const repeats = `
  WITH ${inbound},
  followed AS (
    SELECT customer, queue,
           lead(start_s) OVER (PARTITION BY account, customer ORDER BY start_s, seq)
             - (start_s + ivr_s + queue_wait_s + handle_s) AS gap_s
    FROM inbound WHERE customer IS NOT NULL AND customer <> ''),
  per_queue AS (SELECT queue, count(*) FILTER (gap_s <= 604800) AS repeat_7d FROM followed GROUP BY queue)
  SELECT count(DISTINCT customer) AS customers, count(*) AS calls,
         count(*) FILTER (gap_s <= 86400) AS within_24h, count(*) FILTER (gap_s <= 604800) AS within_7d,
         count(DISTINCT customer) FILTER (gap_s <= 86400) AS customers_24h,
         count(DISTINCT customer) FILTER (gap_s <= 604800) AS customers_7d,
         (SELECT list({queue: queue, repeat_7d: repeat_7d}) FROM per_queue) AS queues
  FROM followed`;

// DuckDB's BIGINTs come as JS bigints: counts and seconds here fit a double exactly.
const plain = v => (typeof v === 'bigint' ? Number(v)
  : Array.isArray(v) ? v.map(plain)
  : v !== null && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]))
  : v);
function objects(result) {
  const names = result.columnNames();
  return result.getRowsJS().map(r => Object.fromEntries(names.map((n, i) => [n, plain(r[i])])));
}

const times = [];
let figures = null;
for (let i = 0; i < runs + 1; ++i) {  // the first run warms up and is not counted
  const t = performance.now();
  const g = await db.runAndReadAll(groups);
  const a = await db.runAndReadAll(agents);
  const r = await db.runAndReadAll(repeats);
  const seconds = (performance.now() - t) / 1000;
  if (i > 0) times.push(seconds);
  if (i === runs) figures = { groups: objects(g), agents: objects(a), repeats: objects(r)[0] };
}

const stats = row => Object.fromEntries(
  ['calls', 'served', 'abandoned', 'dropped', 'transferred', 'service_level_20', 'service_level_60', 'abandon_rate',
   'asa_s', 'median_wait_s', 'p90_wait_s', 'wait_s'].map(k => [k, plain(row[k])]));
const out = {
  calls: stats(figures.groups.find(g => g.gh === 1 && g.gq === 1)),
  hours: figures.groups.filter(g => g.gh === 0).map(g => ({ hour: g.hour, stats: stats(g) }))
    .sort((x, y) => x.hour - y.hour),
  queues: figures.groups.filter(g => g.gq === 0).map(g => ({ queue: g.queue, stats: stats(g) })),
  agents: figures.agents.map(a => ({
    agent: a.agent, served: plain(a.served), p10_s: plain(a.q[0]), p25_s: plain(a.q[1]), median_s: plain(a.q[2]),
    p75_s: plain(a.q[3]), p90_s: plain(a.q[4]), mean_s: a.mean_s, short_calls: plain(a.short_calls),
  })),
  repeats: Object.fromEntries(Object.entries(figures.repeats).map(([k, v]) =>
    [k, k === 'queues' ? v.map(q => ({ queue: q.queue, repeat_7d: plain(q.repeat_7d) })) : plain(v)])),
};
const version = (await db.runAndReadAll('SELECT version()')).getRows()[0][0];
const threads = (await db.runAndReadAll("SELECT current_setting('threads')")).getRows()[0][0];
writeFileSync(figuresPath, JSON.stringify({ load_s: load, run_s: times, version, threads: Number(threads), figures: out }));
console.log(JSON.stringify({ load_s: load, run_s: times, version, threads: Number(threads) }));
