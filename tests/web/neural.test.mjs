// The optional neural model (issue 6): ONNX Runtime Web in a worker, fetched
// only after the chat opens, fused once ready, and never in the customer's way
// when it cannot load.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { startServer } from '../../web/tools/serve.mjs';
import { ask, freshPage, launchBrowser, openWidget, part, ROOT, siteCopy } from './harness.mjs';

const TANDEM = path.join(ROOT, 'build/release/bin/tandem');
const run = promisify(execFile);

let browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

// The demo with the neural model switched on, optionally broken by `change`.
async function neuralSite(change = async () => {}, serverOptions = {}, attributes = 'neural="site.onnx"') {
  const site = await siteCopy();
  const index = path.join(site.dir, 'index.html');
  const html = await readFile(index, 'utf8');
  await writeFile(index, html.replace('<tandem-chat kb="site.tandem"', `<tandem-chat kb="site.tandem" ${attributes}`));
  await change(site.dir);
  const server = await startServer({ root: site.dir, ...serverOptions });
  return {
    url: server.url,
    async close() {
      await server.close();
      await site.remove();
    },
  };
}

// Records every request (the page's and its workers') and the widget's
// tandem:neural events from the very start of the page.
async function watchedPage(url) {
  const page = await freshPage(browser.context, url);
  const requests = [];
  browser.context.on('request', (request) => requests.push(new URL(request.url()).pathname));
  await page.evaluate(() => {
    globalThis.neuralEvents = [];
    document.addEventListener('tandem:neural', (event) => globalThis.neuralEvents.push(event.detail));
  });
  return { page, requests };
}

const neuralSettled = (page) =>
  page.waitForFunction(() => globalThis.neuralEvents.length > 0, null, { timeout: 30000 }).then(() =>
    page.evaluate(() => globalThis.neuralEvents[0]),
  );

const lazyFiles = (requests) => requests.filter((p) => p.includes('/ort/') || p.endsWith('.onnx') || p.includes('neural'));

test('the neural model loads after the chat opens, under a strict CSP, and then takes part in answers', async () => {
  const site = await neuralSite(undefined, { csp: true });
  try {
    const { page, requests } = await watchedPage(site.url);
    await page.waitForTimeout(300);
    assert.deepEqual(lazyFiles(requests), [], 'nothing neural is fetched before the chat opens');

    await openWidget(page);
    // The first answer comes from the C++ engine at once, without waiting for ONNX Runtime.
    const first = await ask(page, 'where is my refund?');
    assert.equal(first.action, 'answer');
    assert.equal(first.neural, false);

    const state = await neuralSettled(page);
    assert.equal(state.state, 'ready', `neural model: ${JSON.stringify(state)}`);
    assert.ok(lazyFiles(requests).some((p) => p.endsWith('/ort/ort-wasm-simd-threaded.wasm')));
    assert.ok(lazyFiles(requests).some((p) => p.endsWith('/site.onnx')));

    // A new conversation: the same question twice in one would rightly go to a person.
    await page.evaluate(() => document.querySelector('tandem-chat').clear());
    const fused = await ask(page, 'where is my refund?');
    assert.equal(fused.neural, true, 'the reply was decided with the neural scores');
    assert.equal(fused.action, 'answer');
    assert.equal(fused.intent, first.intent);
    const log = await part(page, 'log').innerText();
    assert.doesNotMatch(log, /error|neural|onnx/i);
    await page.close();
  } finally {
    await site.close();
  }
});

const breakages = {
  "ONNX Runtime's wasm returns 404": (dir) => rm(path.join(dir, 'ort', 'ort-wasm-simd-threaded.wasm')),
  'the model returns 404': (dir) => rm(path.join(dir, 'site.onnx')),
  'the model is not ONNX': (dir) => writeFile(path.join(dir, 'site.onnx'), 'not a model'),
};

for (const [what, breakIt] of Object.entries(breakages)) {
  test(`when ${what}, the widget keeps answering on the C++ engine and says nothing alarming`, async () => {
    const site = await neuralSite(breakIt);
    try {
      const { page } = await watchedPage(site.url);
      await openWidget(page);
      const state = await neuralSettled(page);
      assert.equal(state.state, 'off');
      assert.ok(state.reason, 'the host page learns why');
      const reply = await ask(page, 'I was charged twice for one order');
      assert.equal(reply.neural, false);
      assert.notEqual(reply.action, 'fallback');
      const status = part(page, 'status');
      assert.notEqual(await status.getAttribute('data-kind'), 'error');
      assert.doesNotMatch(await part(page, 'panel').innerText(), /error|neural|onnx/i);
      await page.close();
    } finally {
      await site.close();
    }
  });
}

test('a model.onnx from another training loads but is never fused: its fingerprint differs', async () => {
  const site = await neuralSite(async (dir) => {
    const other = path.join(dir, 'other.tandem');
    await run(TANDEM, ['train', path.join(ROOT, 'web/demo/kb.json'), '-o', other, '--neural', '--seed', '7']);
    await rm(other);
    await rm(path.join(dir, 'site.onnx'));
    await writeFile(path.join(dir, 'site.onnx'), await readFile(path.join(dir, 'other.onnx')));
  });
  try {
    const { page } = await watchedPage(site.url);
    await openWidget(page);
    assert.equal((await neuralSettled(page)).state, 'ready');
    const reply = await ask(page, 'where is my refund?');
    assert.equal(reply.neural, false);
    assert.equal(reply.intent, 'refund_status');
    await page.close();
  } finally {
    await site.close();
  }
});

test('a knowledge file trained without the neural model turns the neural attribute off, fetching nothing', async () => {
  const site = await neuralSite((dir) =>
    run(TANDEM, ['train', path.join(ROOT, 'web/demo/kb.json'), '-o', path.join(dir, 'site.tandem')]),
  );
  try {
    const { page, requests } = await watchedPage(site.url);
    await openWidget(page);
    const state = await neuralSettled(page);
    assert.equal(state.state, 'off');
    assert.match(state.reason, /without a neural model/);
    assert.deepEqual(lazyFiles(requests), []);
    assert.equal((await ask(page, 'where is my refund?')).action, 'answer');
    await page.close();
  } finally {
    await site.close();
  }
});

test("a company's own encoder: tandem-encoder tokenises, ORT runs it in the worker, its label scores join the answer", async () => {
  // The BERT-shaped test encoder has random weights: this proves the plumbing, not accuracy.
  const site = await neuralSite(
    async (dir) => {
      await run('/usr/bin/python3', [path.join(ROOT, 'tests/encoder/make_test_encoder.py'), dir]);
      await run(process.execPath, [
        path.join(ROOT, 'web/tools/encoder-index.mjs'),
        ...['--kb', path.join(ROOT, 'web/demo/kb.json'), '--encoder', path.join(dir, 'encoder.onnx')],
        ...['--vocab', path.join(dir, 'vocab.txt'), '-o', path.join(dir, 'site.encoder')],
        ...['--wasm', path.join(ROOT, 'build/wasm/node')],
      ]);
    },
    { csp: true },
    'encoder="site.encoder" encoder-model="encoder.onnx"',
  );
  try {
    const { page, requests } = await watchedPage(site.url);
    await page.waitForTimeout(300);
    assert.deepEqual(lazyFiles(requests).concat(requests.filter((p) => p.includes('encoder'))), []);
    await openWidget(page);
    const state = await neuralSettled(page);
    assert.equal(state.state, 'ready', JSON.stringify(state));
    for (const file of ['/tandem-encoder.wasm', '/site.encoder', '/encoder.onnx']) {
      assert.ok(requests.some((p) => p.endsWith(file)), `${file} fetched`);
    }
    const reply = await ask(page, 'Where is my refund?');
    assert.equal(reply.neural, true, 'the encoder scores took part');
    assert.ok(reply.candidates.length > 0 && reply.confidence >= 0 && reply.confidence <= 1);
    assert.ok(reply.reply.length > 0);
    await page.close();
  } finally {
    await site.close();
  }
});

test('without the neural attribute nothing of ONNX Runtime is ever fetched', async () => {
  const site = await siteCopy();
  const server = await startServer({ root: site.dir });
  try {
    const { page, requests } = await watchedPage(server.url);
    await openWidget(page);
    const reply = await ask(page, 'where is my refund?');
    assert.equal(reply.neural, false);
    await page.waitForTimeout(1000);
    assert.deepEqual(lazyFiles(requests), []);
    await page.close();
  } finally {
    await server.close();
    await site.remove();
  }
});
