// The engine's side of the neural model in the wasm module: the feeds it makes,
// the scores it fuses, and every malformed score it must ignore, not trip on.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { loadWasmEngine, tandemBin, trainDemoModel } from './support.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const neuralModel = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-neural-')), 'demo.tandem');
execFileSync(tandemBin, ['train', path.join(root, 'web/demo/kb.json'), '-o', neuralModel, '--neural'], { stdio: 'ignore' });
const load = (file) => loadWasmEngine(new Uint8Array(fs.readFileSync(file))).then((x) => x.engine);
const nativeLogits = (text) =>
  JSON.parse(execFileSync(tandemBin, ['ask', neuralModel, text, '--neural', '--logits'], { encoding: 'utf8' }));

test('feeds are null for a model without a network, and tensors for one with it', async () => {
  const plain = await load(trainDemoModel());
  assert.equal(plain.neural.feeds('where is my refund?'), null);
  const engine = await load(neuralModel);
  const feeds = engine.neural.feeds('where is my refund?');
  assert.equal(feeds.rows.type, 'int32');
  assert.ok(feeds.rows.data instanceof Int32Array && feeds.rows.data.length > 0);
  assert.deepEqual(feeds.rows.dims, [feeds.rows.data.length]);
  assert.ok(feeds.weights.data instanceof Float32Array);
  assert.equal(feeds.weights.data.length, feeds.rows.data.length);
  // The browser's feeds are the native CLI's, bucket for bucket and weight for weight.
  const native = nativeLogits('where is my refund?').neural;
  assert.deepEqual(Array.from(feeds.rows.data), native.rows);
  assert.deepEqual(Array.from(feeds.weights.data), native.weights.map(Math.fround));
});

test('the native network logits, handed back, are fused; malformed scores are ignored', async () => {
  const engine = await load(neuralModel);
  const text = 'where is my refund?';
  const { fingerprint, logits } = nativeLogits(text).neural;
  assert.ok(Array.isArray(logits) && logits.length > 0);
  const context = { now_ms: 1764079378004, today: '2025-11-25' };
  const respond = (extra) => {
    engine.conversation.restore(null);
    return engine.conversation.respond(text, { ...context, ...extra }).reply;
  };
  const alone = respond({});
  assert.equal(alone.neural, false);
  const fused = respond({ neural: { fingerprint, logits } });
  assert.equal(fused.neural, true);
  assert.equal(fused.intent, 'refund_status');
  const malformed = [
    { neural: { fingerprint: fingerprint ^ 1, logits } },
    { neural: { fingerprint, logits: logits.slice(1) } },
    { neural: { fingerprint, logits: logits.map((v, i) => (i === 0 ? 'x' : v)) } },
    { neural: { fingerprint: 'abc', logits } },
    { neural: 'not an object' },
    { encoder: { weight: 1, scores: {} } },
    { encoder: { weight: 'heavy', scores: { refund_status: -0.1 } } },
  ];
  for (const extra of malformed) {
    const reply = respond(extra);
    assert.equal(reply.neural, false, JSON.stringify(extra).slice(0, 80));
    assert.equal(reply.intent, alone.intent);
    assert.equal(reply.confidence, alone.confidence);
  }
  const encoder = respond({ encoder: { weight: 10, scores: { due_dates: Math.log(0.99), refund_status: Math.log(0.01) } } });
  assert.equal(encoder.neural, true);
  assert.equal(encoder.intent, 'due_dates');
});
