// Webhook delivery benchmark (docs/desk.md "Webhooks"): N clients post new
// bundles to a desk started with --webhook pointing at a receiver in this
// process on loopback; for every handoff, the time from sending its POST to
// the signed handoff.created arriving (signature checked), next to the time
// the POST itself took (its 201: committed). Prints one Markdown
// row per client count: handoffs, delivery latency percentiles, and the
// seconds until the last event of the round arrived.
//
//   cmake --build --preset release --target tandem-desk
//   node bench/webhook_bench.mjs [--clients 1,4,16] [--bundles 100] [--desk build/release/bin/tandem-desk]
import { createHmac } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDesk } from '../web/tools/desk-process.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EXAMPLE = path.join(ROOT, 'tests/data/bundles/example.json');
const SECRET = 'webhook-bench-secret-0123456789';

function parseArgs(argv) {
  const options = { clients: [1, 4, 16], bundles: 100, desk: undefined };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--clients') options.clients = argv[++i].split(',').map(Number);
    else if (argv[i] === '--bundles') options.bundles = Number(argv[++i]);
    else if (argv[i] === '--desk') options.desk = path.resolve(argv[++i]);
    else throw new Error(`webhook_bench: unknown argument ${argv[i]}`);
  }
  for (const n of [...options.clients, options.bundles]) {
    if (!Number.isInteger(n) || n < 1) throw new Error('webhook_bench: --clients and --bundles take positive integers');
  }
  return options;
}

// The receiver: the arrival time of each conversation's handoff.created.
function startReceiver(arrivals, onArrival) {
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const timestamp = req.headers['tandem-webhook-timestamp'];
      const expected = 'v1=' + createHmac('sha256', SECRET).update(`${timestamp}.`).update(body).digest('hex');
      if (req.headers['tandem-webhook-signature'] !== expected) throw new Error('webhook_bench: a bad signature');
      const event = JSON.parse(body);
      if (event.type === 'handoff.created') arrivals.set(event.conversation_id, performance.now());
      res.writeHead(200, { 'Content-Length': '0' }).end();
      onArrival();
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function postAll(url, template, prefix, count, created, posts) {
  for (let i = 0; i < count; i++) {
    const sent = performance.now();
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...template, id: `${prefix}_${i}` }),
    });
    const answer = await response.json();
    if (response.status !== 201) throw new Error(`webhook_bench: HTTP ${response.status}`);
    created.set(answer.conversation_id, sent);
    posts.push(performance.now() - sent);
  }
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const options = parseArgs(process.argv.slice(2));
const template = JSON.parse(await readFile(EXAMPLE, 'utf8'));
const arrivals = new Map();
let wake = () => {};
const receiver = await startReceiver(arrivals, () => wake());
const dir = await mkdtemp(path.join(os.tmpdir(), 'tandem-webhook-bench-'));
const secretFile = path.join(dir, 'secret');
await writeFile(secretFile, SECRET);
const hook = `http://127.0.0.1:${receiver.address().port}/hooks`;
const desk = await startDesk({ bin: options.desk, extraArgs: ['--webhook', hook, '--webhook-secret-file', secretFile] });
try {
  const url = new URL('/v1/handoffs', desk.url);
  const run = Date.now().toString(36);
  console.log('## tandem-desk: webhook delivery on loopback, SQLite (WAL, synchronous=FULL)\n');
  console.log(`${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), Node ${process.version}; one receiver answering 200\n`);
  console.log('| clients | handoffs | POST → 201 p50 ms | p99 ms | POST → webhook p50 ms | p90 ms | p99 ms | max ms | all delivered after s |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const clients of options.clients) {
    const created = new Map();
    const posts = [];
    const start = performance.now();
    await Promise.all(Array.from({ length: clients }, (_, c) => postAll(url, template, `whb_${run}_${clients}_${c}`, options.bundles, created, posts)));
    const delivered = () => [...created.keys()].every((id) => arrivals.has(id));
    while (!delivered()) await new Promise((resolve) => { wake = resolve; setTimeout(resolve, 100); });
    const latencies = [...created].map(([id, at]) => arrivals.get(id) - at).sort((a, b) => a - b);
    const last = Math.max(...[...created.keys()].map((id) => arrivals.get(id)));
    const fmt = (ms) => ms.toFixed(1);
    posts.sort((a, b) => a - b);
    console.log(`| ${clients} | ${created.size} | ${fmt(percentile(posts, 50))} | ${fmt(percentile(posts, 99))} | ${fmt(percentile(latencies, 50))} | ${fmt(percentile(latencies, 90))} | ${fmt(percentile(latencies, 99))} | ${fmt(latencies.at(-1))} | ${((last - start) / 1000).toFixed(2)} |`);
  }
} finally {
  await desk.stop();
  receiver.close();
  await rm(dir, { recursive: true, force: true });
}
