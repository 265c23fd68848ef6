// The peer of `nanni portfolio` (bench/portfolio_bench.py): the same events loaded into one
// DuckDB table (outside the timing), then the per-account summary in SQL, timed warm.
//
//   node duckdb_portfolio.mjs EVENTS.ndjson AS_OF RUNS
//
// Prints one JSON line: load seconds, each run's seconds, rows, DuckDB's version and threads.
// The summary: events per kind, requests, answered and open, the oldest open request's age,
// each request's first response through reply_to (within the account) with the median and
// 90th percentile of the response time, calls and their handle time, and the last activity.
import { DuckDBInstance } from '@duckdb/node-api';

const [file, asOf, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 5);
const instance = await DuckDBInstance.create(':memory:');
const db = await instance.connect();

const t0 = performance.now();
await db.run(`
  CREATE TABLE events AS
  SELECT id, account, kind, reply_to, CAST(time AS TIMESTAMPTZ) AS t, handle_s
  FROM read_json('${file}', format = 'newline_delimited', ignore_errors = false,
                 columns = {id: 'VARCHAR', account: 'VARCHAR', kind: 'VARCHAR', reply_to: 'VARCHAR',
                            time: 'VARCHAR', handle_s: 'BIGINT'})`);
const load = (performance.now() - t0) / 1000;

const kinds = ['request', 'response', 'message', 'commitment', 'commitment_outcome', 'deadline', 'incident',
               'escalation', 'call', 'invoice', 'payment', 'discount_request', 'status_update', 'contract', 'note'];
const query = `
  WITH first_answers AS (
    SELECT account, reply_to, min(t) AS answered_at FROM events
    WHERE kind = 'response' AND reply_to IS NOT NULL GROUP BY account, reply_to),
  paired AS (
    SELECT q.account, q.t, a.answered_at,
           epoch(a.answered_at) - epoch(q.t) AS response_s
    FROM events q LEFT JOIN first_answers a ON a.account = q.account AND a.reply_to = q.id
    WHERE q.kind = 'request'),
  per_request AS (
    SELECT account, count(*) AS requests, count(answered_at) AS answered,
           count(*) - count(answered_at) AS open,
           quantile_disc(response_s, 0.5) AS response_median_s,
           quantile_disc(response_s, 0.9) AS response_p90_s,
           epoch(TIMESTAMPTZ '${asOf}') - epoch(min(t) FILTER (WHERE answered_at IS NULL)) AS oldest_open_s
    FROM paired GROUP BY account),
  per_account AS (
    SELECT account, count(*) AS events,
           ${kinds.map(k => `count(*) FILTER (WHERE kind = '${k}') AS "${k}"`).join(',\n           ')},
           sum(handle_s) FILTER (WHERE kind = 'call') AS handle_s,
           max(t) AS last_activity
    FROM events WHERE t <= TIMESTAMPTZ '${asOf}' GROUP BY account)
  SELECT * FROM per_account LEFT JOIN per_request USING (account) ORDER BY account`;

const times = [];
let rows = 0;
for (let i = 0; i < runs + 1; ++i) {  // the first run warms up and is not counted
  const t = performance.now();
  const result = await db.runAndReadAll(query);
  const seconds = (performance.now() - t) / 1000;
  rows = result.getRows().length;
  if (i > 0) times.push(seconds);
}
const version = (await db.runAndReadAll('SELECT version()')).getRows()[0][0];
const threads = (await db.runAndReadAll("SELECT current_setting('threads')")).getRows()[0][0];
console.log(JSON.stringify({ load_s: load, run_s: times, rows, version, threads: Number(threads) }));
