// Helpers shared by the browser benchmarks (widget_bench.mjs, neural_bench.mjs):
// data files, statistics, fresh browsers and the machine's description.
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, launchBrowser } from '../tests/web/harness.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// RFC 4180 rows: quoted fields may hold commas, quotes ("") and newlines.
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') field += text[++i];
      else quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === ',') endField();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endField();
      rows.push(row);
      row = [];
    } else field += c;
  }
  if (field || row.length) {
    endField();
    rows.push(row);
  }
  return rows.filter((r) => r.length >= 2).slice(1).map(([text, category]) => ({ text, category }));
}

export const csvField = (value) => `"${value.replaceAll('"', '""')}"`;

// Every fifth example of each category, in file order, is held out: the same
// split on every machine, the proportions of tandem-bench's (not its items).
export function splitByCategory(rows) {
  const seen = new Map();
  const split = { train: [], eval: [] };
  for (const row of rows) {
    const n = seen.get(row.category) ?? 0;
    seen.set(row.category, n + 1);
    (n % 5 === 4 ? split.eval : split.train).push(row);
  }
  return split;
}

export function repeatTo(items, count) {
  return Array.from({ length: count }, (_, i) => items[i % items.length]);
}

export async function exists(file) {
  return readFile(file).then(
    () => true,
    () => false,
  );
}

export function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
  return { n: samples.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), mean, max: sorted.at(-1) };
}

export const median = (values) => stats(values).p50;

// Each measurement gets its own browser on a throwaway profile: no HTTP
// cache, no stored conversation, no compiled-wasm cache from an earlier run.
export async function withFreshBrowser(use) {
  const browser = await launchBrowser();
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    return await use(page, browser.context);
  } finally {
    await browser.close();
  }
}

export function machine(built) {
  const cpus = os.cpus();
  let chromium = 'unknown';
  try {
    chromium = execFileSync(CHROMIUM, ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    // reported as unknown
  }
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD']).toString().trim();
  } catch {
    // not a git checkout
  }
  return {
    cpu: `${cpus[0].model}, ${cpus.length} cores`,
    memory: `${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    os: `${os.type()} ${os.release()}`,
    chromium,
    node: process.version,
    commit,
    built,
  };
}

