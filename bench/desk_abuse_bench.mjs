// tandem-desk under one abusive client (issue 15): while one address holds
// 100 long-polls (over 100 conversations) and 20 slowly sent connections, how
// long an agent's request takes; and how many connection resets 50
// concurrent POST /v1/handoffs get, over 9 rounds. Prints Markdown.
//
//   cmake --build --preset release --target tandem-desk
//   node bench/desk_abuse_bench.mjs [--desk build/release/bin/tandem-desk]
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDesk } from '../web/tools/desk-process.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EXAMPLE = path.join(ROOT, 'tests/data/bundles/example.json');
const LONG_POLLS = 100;
const SLOW_CONNECTIONS = 20;
const AGENT_REQUESTS = 50;
const BURST = 50;
const BURST_ROUNDS = 9;

const deskIndex = process.argv.indexOf('--desk');
const bin = deskIndex > 0 ? path.resolve(process.argv[deskIndex + 1]) : undefined;

// One request on a fresh connection: {status, ms} or {error}.
function request(url, { method = 'GET', headers = {}, body } = {}) {
  return new Promise((resolve) => {
    const start = process.hrtime.bigint();
    const req = http.request(url, { method, headers, agent: false }, (response) => {
      let text = '';
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode, text, ms: Number(process.hrtime.bigint() - start) / 1e6 }));
    });
    req.on('error', (error) => resolve({ error: error.code ?? error.message }));
    req.end(body);
  });
}

// Sends a request's headers a byte a second until closed by the desk.
function slowConnection(port, sockets) {
  const socket = net.connect(port, '127.0.0.1');
  sockets.push(socket);
  const text = 'POST /v1/handoffs HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n'.repeat(50);
  let at = 0;
  const timer = setInterval(() => socket.write(text[at++ % text.length]), 1000);
  socket.on('close', () => clearInterval(timer));
  socket.on('error', () => clearInterval(timer));
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

const template = JSON.parse(await readFile(EXAMPLE, 'utf8'));
const run = Date.now().toString(36);
const desk = await startDesk({ bin });
const sockets = [];
try {
  const handoffs = new URL('/v1/handoffs', desk.url);
  const post = (id) => request(handoffs, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ...template, id }) });
  const chats = [];
  for (let i = 0; i < LONG_POLLS; i++) chats.push(JSON.parse((await post(`abuse_${run}_${String(i).padStart(4, '0')}`)).text));

  const polls = chats.map((c) => request(new URL(`/v1/conversations/${c.conversation_id}/messages?after=0&wait=25`, desk.url), { headers: { Authorization: `Bearer ${c.customer_token}` } }));
  for (let i = 0; i < SLOW_CONNECTIONS; i++) slowConnection(desk.port, sockets);
  await new Promise((resolve) => setTimeout(resolve, 2000));

  const agentUrl = new URL('/v1/agent/conversations', desk.url);
  const agent = [];
  for (let i = 0; i < AGENT_REQUESTS; i++) agent.push(await request(agentUrl, { headers: { Authorization: `Bearer ${desk.agentToken}` } }));
  const ok = agent.filter((a) => a.status === 200).map((a) => a.ms).sort((a, b) => a - b);
  for (const c of chats) await request(new URL(`/v1/agent/conversations/${c.conversation_id}/resolve`, desk.url), { method: 'POST', headers: { Authorization: `Bearer ${desk.agentToken}`, 'Content-Type': 'application/json' }, body: '{}' });
  const pollStatuses = {};
  for (const p of await Promise.all(polls)) pollStatuses[p.status ?? p.error] = (pollStatuses[p.status ?? p.error] ?? 0) + 1;

  console.log('## tandem-desk under one abusive client (loopback)\n');
  console.log(`${LONG_POLLS} long-polls (${Object.entries(pollStatuses).map(([s, n]) => `${n}× ${s}`).join(', ')}) + ${SLOW_CONNECTIONS} slowly sent connections held from one address.\n`);
  console.log('| agent requests | answered 200 | p50 ms | p99 ms | max ms |');
  console.log('|---|---|---|---|---|');
  console.log(`| ${AGENT_REQUESTS} | ${ok.length} | ${percentile(ok, 50)?.toFixed(1)} | ${percentile(ok, 99)?.toFixed(1)} | ${ok.at(-1)?.toFixed(1)} |\n`);

  let resets = 0;
  const statuses = {};
  for (let round = 0; round < BURST_ROUNDS; round++) {
    const answers = await Promise.all(Array.from({ length: BURST }, (_, i) => post(`burst_${run}_${round}_${String(i).padStart(3, '0')}`)));
    for (const a of answers) {
      if (a.error) resets += 1;
      else statuses[a.status] = (statuses[a.status] ?? 0) + 1;
    }
  }
  console.log(`| ${BURST} concurrent POST /v1/handoffs × ${BURST_ROUNDS} rounds | statuses | connection errors |`);
  console.log('|---|---|---|');
  console.log(`| ${BURST * BURST_ROUNDS} | ${Object.entries(statuses).map(([s, n]) => `${n}× ${s}`).join(', ')} | ${resets} |`);
  if (ok.length !== AGENT_REQUESTS || resets > 0) process.exitCode = 1;
} finally {
  for (const s of sockets) s.destroy();
  await desk.stop();
}
