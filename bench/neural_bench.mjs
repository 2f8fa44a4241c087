// The neural model in the widget (issue 6), in headless Chromium: what it adds
// to the download, how long ONNX Runtime Web takes to become ready after the
// chat opens, what a message costs with and without it, and the answers it
// changes on held-out messages. Prints one Markdown report.
//
//   bash scripts/demo.sh --build && node bench/neural_bench.mjs [--data-dir ../shared/data] [--runs 3]
//
// Accuracy on the engine issue's protocols comes from build/release/bin/tandem-bench
// (native, which gives the same scores as the browser: tests/onnx parity test).
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { startServer } from '../web/tools/serve.mjs';
import { csvField, exists, machine, median, parseCsv, ROOT, splitByCategory, stats, withFreshBrowser } from './support.mjs';

const WEB_DIR = path.join(ROOT, 'build/web');
const TANDEM = path.join(ROOT, 'build/release/bin/tandem');
const DEMO_HELDOUT = path.join(ROOT, 'tests/data/demo_kb/heldout.csv');
const MESSAGES = 200;
const LAZY_FILES = ['tandem-neural.js', 'tandem-neural-worker.js', 'ort/ort.wasm.bundle.min.mjs', 'ort/ort-wasm-simd-threaded.wasm', 'site.onnx'];

function parseArgs(argv) {
  const options = { dataDir: path.resolve(ROOT, '../shared/data'), runs: 3 };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--data-dir') options.dataDir = path.resolve(argv[++i]);
    else if (argv[i] === '--runs') options.runs = Number(argv[++i]);
    else throw new Error(`neural_bench: unknown argument ${argv[i]}`);
  }
  return options;
}

// Two copies of a site: one page with the neural model switched on, one without.
async function sitePair(tmp, name, train) {
  const dir = path.join(tmp, name);
  await cp(WEB_DIR, dir, { recursive: true });
  if (train) await train(dir);
  const index = path.join(dir, 'index.html');
  const html = await readFile(index, 'utf8');
  await writeFile(
    path.join(dir, 'neural.html'),
    html.replace('<tandem-chat kb="site.tandem"', '<tandem-chat kb="site.tandem" neural="site.onnx"'),
  );
  return dir;
}

async function trainBanking77(dataDir) {
  const csv = path.join(dataDir, 'banking77/train.csv');
  if (!(await exists(csv))) return null;
  const split = splitByCategory(parseCsv(await readFile(csv, 'utf8')));
  return {
    eval: split.eval,
    async train(dir) {
      const trainCsv = path.join(dir, 'train.csv');
      await writeFile(trainCsv, ['text,category', ...split.train.map((r) => `${csvField(r.text)},${csvField(r.category)}`)].join('\n') + '\n');
      await promisify(execFile)(TANDEM, ['train', trainCsv, '-o', path.join(dir, 'site.tandem'), '--neural'], { maxBuffer: 64 << 20 });
      await rm(trainCsv);
    },
  };
}

async function lazySizes(dir) {
  const rows = [];
  for (const name of LAZY_FILES) {
    const file = path.join(dir, name);
    if (!(await exists(file))) continue;
    const bytes = await readFile(file);
    rows.push({ name, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
  }
  return rows;
}

// A fresh profile: open() at load, a first message at once, then the neural model's readiness.
function measureLoad(url) {
  return withFreshBrowser(async (page) => {
    await page.goto(url);
    return page.evaluate(async () => {
      const chat = document.querySelector('tandem-chat');
      const events = {};
      const neural = new Promise((resolve) => chat.addEventListener('tandem:neural', (e) => resolve(e.detail), { once: true }));
      chat.addEventListener('tandem:ready', () => (events.ready = performance.now()), { once: true });
      const openAt = performance.now();
      chat.open();
      const first = await chat.send('where is my refund?');
      events.firstReply = performance.now();
      const state = await neural;
      events.neural = performance.now();
      return {
        readyMs: events.ready - openAt,
        firstReplyMs: events.firstReply - openAt,
        firstReplyNeural: first.neural,
        neuralMs: events.neural - openAt,
        state: state.state,
        workerLoadMs: state.ms,
        reason: state.reason,
      };
    });
  });
}

// send() to the reply object, per message, once the page is settled (and its
// neural model ready when it has one); also the intent each reply chose.
function measureMessages(url, texts, withNeural) {
  return withFreshBrowser(async (page) => {
    await page.goto(url);
    return page.evaluate(
      async ({ texts, withNeural }) => {
        const chat = document.querySelector('tandem-chat');
        const neural = withNeural
          ? new Promise((resolve) => chat.addEventListener('tandem:neural', (e) => resolve(e.detail), { once: true }))
          : null;
        await new Promise((resolve) => {
          chat.addEventListener('tandem:ready', resolve, { once: true });
          chat.open();
        });
        if (neural && (await neural).state !== 'ready') throw new Error('the neural model did not load');
        const ms = [];
        const intents = [];
        let fused = 0;
        for (const text of texts) {
          chat.clear(); // a handoff would silence the bot for the next message
          const start = performance.now();
          const reply = await chat.send(text);
          ms.push(performance.now() - start);
          intents.push(reply.intent ?? null);
          fused += reply.neural ? 1 : 0;
        }
        return { ms, intents, fused };
      },
      { texts, withNeural },
    );
  });
}

async function benchSite(label, base, { texts, labels, runs }) {
  const load = [];
  for (let i = 0; i < runs; i++) {
    console.error(`neural_bench: ${label}: fresh launch ${i + 1}/${runs}`);
    load.push(await measureLoad(`${base}neural.html`));
  }
  console.error(`neural_bench: ${label}: ${texts.length} messages without, then with the neural model`);
  const without = await measureMessages(`${base}index.html`, texts, false);
  const withNeural = await measureMessages(`${base}neural.html`, texts, true);
  const agree = (r) => (labels ? r.intents.filter((intent, i) => intent === labels[i]).length / labels.length : null);
  const changed = without.intents.filter((intent, i) => intent !== withNeural.intents[i]).length;
  return { label, load, without, withNeural, accuracy: { without: agree(without), with: agree(withNeural) }, changed };
}

const ms = (v) => v.toFixed(1);
const kb = (bytes) => (bytes / 1000).toFixed(1);
const pct = (v) => (v === null ? 'n/a' : `${(100 * v).toFixed(2)}%`);

function report({ info, date, sizes, results }) {
  const out = [];
  const line = (s = '') => out.push(s);
  line(`Machine: ${info.cpu}, ${info.memory}, ${info.os}; ${info.chromium} (headless); Node ${info.node}; commit ${info.commit}; ${date}.`);
  line('');
  line('Fetched only when a site sets `neural`, and only after the chat opens (gzip -9):');
  line('');
  line('| file | raw | gzip |');
  line('|---|---|---|');
  // The runtime is the same for every site; only the model differs.
  sizes.forEach(({ label, rows }, i) => {
    for (const r of rows.filter((x) => i === 0 || x.name === 'site.onnx')) {
      line(`| ${r.name}${r.name === 'site.onnx' ? ` (${label})` : ''} | ${kb(r.raw)} KB | ${kb(r.gzip)} KB |`);
    }
  });
  line('');
  line('| figure | ' + results.map((r) => r.label).join(' | ') + ' |');
  line('|---|' + results.map(() => '---|').join(''));
  const row = (name, f) => line(`| ${name} | ${results.map(f).join(' | ')} |`);
  row('open() to engine ready (median)', (r) => `${ms(median(r.load.map((x) => x.readyMs)))} ms`);
  row('open() to first reply, sent at open (median)', (r) => `${ms(median(r.load.map((x) => x.firstReplyMs)))} ms`);
  row('first reply used the neural model', (r) => `${r.load.filter((x) => x.firstReplyNeural).length}/${r.load.length}`);
  row('open() to neural model ready (median)', (r) => `${ms(median(r.load.map((x) => x.neuralMs)))} ms`);
  row('  of which the worker: ORT import, model fetch, session (median)', (r) => `${ms(median(r.load.map((x) => x.workerLoadMs)))} ms`);
  const send = (x) => stats(x.ms);
  row('send() to reply, engine alone, p50 / p99', (r) => `${ms(send(r.without).p50)} / ${ms(send(r.without).p99)} ms`);
  row('send() to reply, with the neural model, p50 / p99', (r) => `${ms(send(r.withNeural).p50)} / ${ms(send(r.withNeural).p99)} ms`);
  row('replies decided with neural scores', (r) => `${r.withNeural.fused}/${r.withNeural.ms.length}`);
  row('top intent correct, engine alone', (r) => pct(r.accuracy.without));
  row('top intent correct, with the neural model', (r) => pct(r.accuracy.with));
  row('messages whose top intent changed', (r) => `${r.changed}/${r.without.intents.length}`);
  return out.join('\n');
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (!(await exists(path.join(WEB_DIR, 'site.onnx')))) {
    throw new Error('neural_bench: build/web/site.onnx is missing; run `bash scripts/demo.sh --build` first');
  }
  const built = (await stat(path.join(WEB_DIR, 'site.onnx'))).mtime.toISOString().replace(/\.\d+Z$/, 'Z');
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'tandem-neural-bench-'));
  const server = await startServer({ root: tmp });
  try {
    const heldout = parseCsv(await readFile(DEMO_HELDOUT, 'utf8'));
    const sites = [{ label: 'demo', dir: await sitePair(tmp, 'demo'), texts: heldout.slice(0, MESSAGES) }];
    const banking77 = await trainBanking77(options.dataDir);
    if (banking77) {
      console.error('neural_bench: training BANKING77 (four fifths of train.csv) with --neural');
      sites.push({ label: 'BANKING77', dir: await sitePair(tmp, 'banking77', banking77.train), texts: banking77.eval.slice(0, MESSAGES) });
    }
    const sizes = [];
    const results = [];
    for (const site of sites) {
      sizes.push({ label: site.label, rows: await lazySizes(site.dir) });
      results.push(
        await benchSite(site.label, `${server.url}${path.basename(site.dir)}/`, {
          texts: site.texts.map((r) => r.text),
          labels: site.texts.map((r) => r.category),
          runs: options.runs,
        }),
      );
    }
    const date = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    console.log(report({ info: machine(built), date, sizes, results }));
  } finally {
    await server.close();
    await rm(tmp, { recursive: true, force: true });
  }
}

await main();
