// Load benchmark of tandem-desk's handoff route (issue 5): N clients on
// loopback, each posting its share of bundles one after another over one
// keep-alive connection, every bundle new (unique id). Prints sustained
// POST /v1/handoffs per second and latency percentiles as Markdown.
//
//   cmake --build --preset release --target tandem-desk
//   node bench/desk_bench.mjs [--clients 4] [--bundles 2000] [--desk build/release/bin/tandem-desk]
//
// --bundles is per client. The desk runs with a fresh SQLite file in a temp
// dir and its rate limit off; every 201 is committed with synchronous=FULL,
// so the figure is bound by fsync on the machine's disk.
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDesk } from '../web/tools/desk-process.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EXAMPLE = path.join(ROOT, 'tests/data/bundles/example.json');
const WARMUP_BUNDLES = 50;

function parseArgs(argv) {
  const options = { clients: 4, bundles: 2000, desk: undefined };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--clients') options.clients = Number(argv[++i]);
    else if (argv[i] === '--bundles') options.bundles = Number(argv[++i]);
    else if (argv[i] === '--desk') options.desk = path.resolve(argv[++i]);
    else throw new Error(`desk_bench: unknown argument ${argv[i]}`);
  }
  for (const key of ['clients', 'bundles']) {
    if (!Number.isInteger(options[key]) || options[key] < 1) throw new Error(`desk_bench: --${key} must be a positive integer`);
  }
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

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const options = parseArgs(process.argv.slice(2));
const template = JSON.parse(await readFile(EXAMPLE, 'utf8'));
const run = Date.now().toString(36);
const desk = await startDesk({ bin: options.desk });
try {
  const url = new URL('/v1/handoffs', desk.url);
  await runClient(url, bodies(template, `${run}_warm`, WARMUP_BUNDLES));
  const work = Array.from({ length: options.clients }, (_, c) => bodies(template, `${run}_${c}`, options.bundles));
  const start = process.hrtime.bigint();
  const results = await Promise.all(work.map((share) => runClient(url, share)));
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;

  const latencies = results.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const statuses = {};
  for (const r of results) for (const [s, n] of Object.entries(r.statuses)) statuses[s] = (statuses[s] ?? 0) + n;
  const total = latencies.length;
  const fmt = (ms) => ms.toFixed(2);
  console.log(`## tandem-desk: POST /v1/handoffs on loopback\n`);
  console.log(`${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), Node ${process.version}; bundle ${Buffer.byteLength(work[0][0].body)} bytes (tests/data/bundles/example.json, unique ids)\n`);
  console.log('| clients | bundles | statuses | seconds | POST/s | p50 ms | p90 ms | p99 ms | max ms |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  const statusText = Object.entries(statuses).map(([s, n]) => `${n}× ${s}`).join(', ');
  console.log(
    `| ${options.clients} | ${total} | ${statusText} | ${seconds.toFixed(2)} | ${Math.round(total / seconds)} | ` +
      `${fmt(percentile(latencies, 50))} | ${fmt(percentile(latencies, 90))} | ${fmt(percentile(latencies, 99))} | ${fmt(latencies.at(-1))} |`,
  );
  if (statuses[201] !== total) process.exitCode = 1; // every bundle was new
} finally {
  await desk.stop();
}
