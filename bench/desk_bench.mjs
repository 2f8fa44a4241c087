// Load benchmark of tandem-desk's handoff route (issues 5 and 15): N clients
// on loopback, each posting its share of bundles one after another over one
// keep-alive connection, every bundle new (unique id). Prints sustained
// POST /v1/handoffs per second and latency percentiles as Markdown, one row
// per client count.
//
//   cmake --build --preset release --target tandem-desk
//   node bench/desk_bench.mjs [--clients 1,4,16,64] [--bundles 2000] [--backend sqlite|postgres]
//                             [--desk build/release/bin/tandem-desk]
//
// --bundles is per client. The desk runs with its rate limit off on a fresh
// SQLite file in a temp dir (synchronous=FULL), or on a fresh PostgreSQL 15
// cluster started by tests/desk/postgres_cluster.py --durable (fsync and
// synchronous_commit on): every 201 is committed to disk, so the figure is
// bound by fsync on the machine's disk.
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { startDesk } from '../web/tools/desk-process.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EXAMPLE = path.join(ROOT, 'tests/data/bundles/example.json');
const WARMUP_BUNDLES = 50;

function parseArgs(argv) {
  const options = { clients: [4], bundles: 2000, backend: 'sqlite', desk: undefined };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--clients') options.clients = argv[++i].split(',').map(Number);
    else if (argv[i] === '--bundles') options.bundles = Number(argv[++i]);
    else if (argv[i] === '--backend') options.backend = argv[++i];
    else if (argv[i] === '--desk') options.desk = path.resolve(argv[++i]);
    else throw new Error(`desk_bench: unknown argument ${argv[i]}`);
  }
  for (const n of [...options.clients, options.bundles]) {
    if (!Number.isInteger(n) || n < 1) throw new Error('desk_bench: --clients and --bundles take positive integers');
  }
  if (!['sqlite', 'postgres'].includes(options.backend)) throw new Error('desk_bench: --backend is sqlite or postgres');
  return options;
}

// One POST over the client's own keep-alive socket; resolves to its status
// and the elapsed milliseconds.
function post(agent, url, body, id) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const request = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': id, 'Content-Length': Buffer.byteLength(body) },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve({ status: response.statusCode, ms: Number(process.hrtime.bigint() - start) / 1e6 }));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

// The bodies are made before timing starts, so the figure is the desk's.
function bodies(template, prefix, count) {
  return Array.from({ length: count }, (_, i) => {
    const id = `bench_${prefix}_${String(i).padStart(6, '0')}`;
    return { id, body: JSON.stringify({ ...template, id }) };
  });
}

async function runClient(url, work) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const latencies = [];
  const statuses = {};
  for (const { id, body } of work) {
    const { status, ms } = await post(agent, url, body, id);
    statuses[status] = (statuses[status] ?? 0) + 1;
    latencies.push(ms);
  }
  agent.destroy();
  return { latencies, statuses };
}

// A durable throwaway cluster; resolves to its URI and a stop function.
async function startPostgres() {
  const child = spawn('python3', [path.join(ROOT, 'tests/desk/postgres_cluster.py'), '--durable'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const [line] = await Promise.race([
    createInterface({ input: child.stdout })[Symbol.asyncIterator]().next().then((r) => [r.value]),
    exited.then((code) => {
      throw new Error(`desk_bench: the PostgreSQL cluster did not start (exit ${code})`);
    }),
  ]);
  return { uri: line.trim(), stop: () => (child.kill('SIGTERM'), exited) };
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const options = parseArgs(process.argv.slice(2));
const template = JSON.parse(await readFile(EXAMPLE, 'utf8'));
const run = Date.now().toString(36);
const postgres = options.backend === 'postgres' ? await startPostgres() : null;
const desk = await startDesk({ bin: options.desk, db: postgres?.uri ?? null });
try {
  const url = new URL('/v1/handoffs', desk.url);
  await runClient(url, bodies(template, `${run}_warm`, WARMUP_BUNDLES));
  const fmt = (ms) => ms.toFixed(2);
  const store = postgres ? 'PostgreSQL 15 (fsync on)' : 'SQLite (WAL, synchronous=FULL)';
  console.log(`## tandem-desk: POST /v1/handoffs on loopback, ${store}\n`);
  console.log(`${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), Node ${process.version}; bundle ${Buffer.byteLength(JSON.stringify(template))} bytes (tests/data/bundles/example.json, unique ids)\n`);
  console.log('| clients | bundles | statuses | seconds | POST/s | p50 ms | p90 ms | p99 ms | max ms |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const clients of options.clients) {
    const work = Array.from({ length: clients }, (_, c) => bodies(template, `${run}_${clients}_${c}`, options.bundles));
    const start = process.hrtime.bigint();
    const results = await Promise.all(work.map((share) => runClient(url, share)));
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;

    const latencies = results.flatMap((r) => r.latencies).sort((a, b) => a - b);
    const statuses = {};
    for (const r of results) for (const [s, n] of Object.entries(r.statuses)) statuses[s] = (statuses[s] ?? 0) + n;
    const total = latencies.length;
    const statusText = Object.entries(statuses).map(([s, n]) => `${n}× ${s}`).join(', ');
    console.log(
      `| ${clients} | ${total} | ${statusText} | ${seconds.toFixed(2)} | ${Math.round(total / seconds)} | ` +
        `${fmt(percentile(latencies, 50))} | ${fmt(percentile(latencies, 90))} | ${fmt(percentile(latencies, 99))} | ${fmt(latencies.at(-1))} |`,
    );
    if (statuses[201] !== total) process.exitCode = 1; // every bundle was new
  }
} finally {
  await desk.stop();
  await postgres?.stop();
}
