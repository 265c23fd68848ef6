// The peer of `nanni import` (bench/tlog_bench.py): DuckDB loading the same file into one table
// of a persistent database file, as a whole process (the bench times it from start to exit,
// like nanni's import).
//
//   node duckdb_load.mjs ndjson|csv FILE DATABASE
//
// ndjson: CREATE TABLE t AS SELECT * FROM read_json(FILE, format = 'newline_delimited')
// csv:    CREATE TABLE t AS SELECT * FROM read_csv(FILE)
// Both with DuckDB's schema detection, as a user would type it; then a CHECKPOINT (the table
// written into the database file, durable) and the database closed. Prints one JSON line: the
// load's own seconds (the statement and the checkpoint, without node's start), rows, the
// database file's size, DuckDB's version and threads.
import { DuckDBInstance } from '@duckdb/node-api';
import { statSync } from 'node:fs';

const [format, file, dbPath] = process.argv.slice(2);
const reader = { ndjson: `read_json('${file}', format = 'newline_delimited')`, csv: `read_csv('${file}')` }[format];
if (!reader) throw new Error(`unknown format ${format}: ndjson or csv`);

const instance = await DuckDBInstance.create(dbPath);
const db = await instance.connect();
const t0 = performance.now();
await db.run(`CREATE TABLE t AS SELECT * FROM ${reader}`);
await db.run('CHECKPOINT');
const load = (performance.now() - t0) / 1000;
const rows = Number((await db.runAndReadAll('SELECT count(*) FROM t')).getRows()[0][0]);
const version = (await db.runAndReadAll('SELECT version()')).getRows()[0][0];
const threads = Number((await db.runAndReadAll("SELECT current_setting('threads')")).getRows()[0][0]);
db.closeSync();
instance.closeSync();
console.log(JSON.stringify({ load_s: load, rows, db_bytes: statSync(dbPath).size, version, threads }));
