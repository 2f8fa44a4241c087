// Starts a real tandem-desk (src/desk) as a child process on a loopback port
// with its own SQLite file, for the browser tests and bench/desk_bench.mjs.
//
//   const desk = await startDesk({ allowOrigins: [pageOrigin] });
//   desk.url  // http://127.0.0.1:PORT
//   await desk.stop();
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startListening } from './server-process.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DEFAULT_BIN = path.join(ROOT, 'build/release/bin/tandem-desk');
export const AGENT_TOKEN = 'agent-token-for-tests-0123456789';

// bin defaults to $TANDEM_DESK_BIN, else the release build; port 0 picks a free port; the same dbDir and port restart a stopped desk on
// its old data. rateLimit 0 turns the desk's per-IP limit off (load tests).
// db, when given, is the --db argument instead (a postgresql:// URI).
// extraArgs: more options, as given (e.g. --webhook URL ... for bench/webhook_bench.mjs).
export async function startDesk({
  bin = process.env.TANDEM_DESK_BIN ?? DEFAULT_BIN,
  port = 0, dbDir = null, db = null,
  allowOrigins = [],
  rateLimit = 0,
  agentToken = AGENT_TOKEN,
  extraArgs = [],
} = {}) {
  const ownDir = dbDir === null;
  const dir = dbDir ?? (await mkdtemp(path.join(tmpdir(), 'tandem-desk-')));
  const args = ['--db', db ?? path.join(dir, 'desk.db'), '--port', String(port), '--agent-token', agentToken];
  for (const origin of allowOrigins) args.push('--allow-origin', origin);
  args.push('--rate-limit', String(rateLimit), ...extraArgs);
  const server = await startListening('tandem-desk', bin, args);

  return {
    url: server.url,
    port: server.port,
    dbDir: dir,
    agentToken,
    // SIGTERM stops it cleanly; keepData leaves the database for a restart.
    async stop({ keepData = false } = {}) {
      await server.stop();
      if (ownDir && !keepData) await rm(dir, { recursive: true, force: true });
    },
  };
}

// The agent API (docs/desk.md, "Agent side") with the desk's agent token.
export async function agentRequest(desk, method, route, body) {
  const response = await fetch(new URL(route, desk.url), {
    method,
    headers: { Authorization: `Bearer ${desk.agentToken}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${route}: HTTP ${response.status} ${text}`);
  return JSON.parse(text);
}
