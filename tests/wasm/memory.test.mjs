// Deciding leaves nothing behind on the wasm heap, and dispose() gives back
// all the engine held. Also reports the mean time of one decide() call.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { before, describe, test } from 'node:test';

import { loadWasmEngine, trainDemoModel } from './support.mjs';

const kCalls = 10000;
const messages = [
  'where is my refund?',
  "there's a purchase on my account I didn't make",
  'what is the weather like in Paris tomorrow',
  'can I pay with a prepaid card',
  '',
  'où est mon remboursement 😀 \uD800',
  'refund '.repeat(730),
];

describe('wasm heap', () => {
  let bytes;
  before(() => {
    bytes = fs.readFileSync(trainDemoModel());
  });

  test(`${kCalls} decide() calls do not grow the heap`, async (t) => {
    const { engine, core } = await loadWasmEngine(bytes);
    for (const message of messages) engine.decide(message); // buffers reach their final size
    const inUse = core._tandem_heap_in_use();
    const heapSize = core.HEAPU8.length;
    const start = performance.now();
    for (let i = 0; i < kCalls; ++i) engine.decide(messages[i % messages.length]);
    const meanUs = ((performance.now() - start) * 1000) / kCalls;
    assert.equal(core._tandem_heap_in_use(), inUse, 'bytes allocated');
    assert.equal(core.HEAPU8.length, heapSize, 'heap size');
    t.diagnostic(`mean decide() time over ${kCalls} calls: ${meanUs.toFixed(1)} us`);
    engine.dispose();
  });

  test('dispose() frees everything the engine held', async () => {
    // The first engine leaves the allocator's own bookkeeping behind, so the
    // baseline is taken after one engine has come and gone.
    const { engine: first, core } = await loadWasmEngine(bytes);
    first.dispose();
    const baseline = core._tandem_heap_in_use();
    for (let i = 0; i < 3; ++i) {
      const { engine } = await loadWasmEngine(bytes, core);
      assert.ok(core._tandem_heap_in_use() > baseline + bytes.length / 2, 'the engine is on the heap');
      engine.decide('where is my refund?');
      engine.dispose();
      assert.equal(core._tandem_heap_in_use(), baseline);
    }
  });
});
