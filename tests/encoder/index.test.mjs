// The generated BERT-shaped encoder through onnxruntime-web in Node, and the
// index tool on the demo knowledge base. The encoder's weights are random, so
// these tests prove shapes, tokenisation and plumbing, not accuracy: an exact
// phrasing finds its own label because its vector is in the index.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { before, test } from 'node:test';

import * as ort from 'onnxruntime-web';

import { loadEncoderCompanion } from '../../wasm/tandem-encoder.js';
import { encode, phrasingsOf } from '../../web/tools/encoder-index.mjs';
import { makeTestEncoder, moduleFactory, root, wasmBinary, wasmDir } from './support.mjs';

const kbPath = path.join(root, 'web/demo/kb.json');
const kb = JSON.parse(fs.readFileSync(kbPath, 'utf8'));
let files, session, companionBytes, companion;

before(async () => {
  files = makeTestEncoder();
  session = await ort.InferenceSession.create(fs.readFileSync(files.encoder));
  const out = path.join(files.dir, 'site.encoder');
  execFileSync(process.execPath, [
    path.join(root, 'web/tools/encoder-index.mjs'),
    '--kb', kbPath, '--encoder', files.encoder, '--vocab', files.vocab, '-o', out,
    '--weight', '0.5', '--wasm', wasmDir,
  ]);
  companionBytes = new Uint8Array(fs.readFileSync(out));
  companion = await loadEncoderCompanion({ bytes: companionBytes, moduleFactory, wasmBinary });
});

test('the test encoder takes BERT inputs and gives [1, tokens, 32] hidden states', async () => {
  assert.deepEqual(session.inputNames, ['input_ids', 'attention_mask', 'token_type_ids']);
  assert.deepEqual(session.outputNames, ['last_hidden_state']);
  const { data, dims } = await encode(ort, session, companion, 'Hello, where is my refund?');
  // [CLS] hello , where is my refund ? [SEP]: "refund" is in the test vocabulary.
  assert.deepEqual(dims, [1, 9, 32]);
  assert.equal(data.length, 9 * 32);
});

test('feeds from the companion equal the ids read off the vocabulary', () => {
  const vocab = fs.readFileSync(files.vocab, 'utf8').trimEnd().split('\n');
  const id = (token) => vocab.indexOf(token);
  const ids = (text) => Array.from(companion.feeds(text).input_ids, Number);
  assert.deepEqual(ids('Hello, thanks!'), ['[CLS]', 'hello', ',', 'thanks', '!', '[SEP]'].map(id));
  // "zebras" is not a word of the vocabulary: spelt with single letters and "##s".
  assert.deepEqual(
    ids('zebras'),
    ['[CLS]', 'z', '##e', '##b', '##r', '##a', '##s', '[SEP]'].map(id),
  );
  assert.deepEqual(ids('Ω'), ['[CLS]', '[UNK]', '[SEP]'].map(id));
});

test('the pooled vector is the unit-length mean of the token vectors', async () => {
  const { data, dims } = await encode(ort, session, companion, 'my card was charged twice');
  const vector = companion.embed(data, dims);
  assert.equal(vector.length, 32);
  const [, tokens, size] = dims;
  const mean = new Float64Array(size);
  for (let t = 0; t < tokens; t++) for (let d = 0; d < size; d++) mean[d] += data[t * size + d];
  const norm = Math.hypot(...mean);
  assert.ok(Math.abs(Math.hypot(...vector) - 1) < 1e-5);
  vector.forEach((v, d) => assert.ok(Math.abs(v - mean[d] / norm) < 1e-5));
});

test('the companion holds the KB ids as labels and the weight it was built with', () => {
  const ids = [...kb.intents.map((i) => i.id), ...kb.faqs.map((f) => f.id)];
  assert.deepEqual([...companion.labels].sort(), [...ids].sort());
  assert.equal(companion.weight, 0.5);
  assert.equal(companion.dims, 32);
  assert.equal(companion.maxTokens, 128);
});

test('scoring a KB phrasing ranks its own label first (plumbing, not accuracy)', async () => {
  const phrasings = phrasingsOf(kb);
  // One phrasing of every label.
  const sample = [...new Map(phrasings.map(([label, text]) => [label, text])).entries()];
  for (const [label, text] of sample) {
    const { data, dims } = await encode(ort, session, companion, text);
    const { weight, scores } = companion.scores(data, dims);
    assert.equal(weight, 0.5);
    assert.equal(Object.keys(scores).length, companion.labels.length);
    const total = Object.values(scores).reduce((sum, lp) => sum + Math.exp(lp), 0);
    assert.ok(Math.abs(total - 1) < 1e-4, `probabilities sum to ${total}`);
    const best = Object.entries(scores).sort((a, b) => b[1] - a[1])[0][0];
    assert.equal(best, label, `"${text}"`);
  }
});

test('hidden states of another encoder are refused, not scored', () => {
  const narrow = new Float32Array(2 * 16).fill(0.1);
  assert.throws(() => companion.scores(narrow, [1, 2, 16]), /another encoder/);
  assert.throws(() => companion.scores(new Float32Array(32), [1, 1, 32]), /zero/);
});

test('a corrupted or cut companion file is refused with a clear reason', async () => {
  const flipped = companionBytes.slice();
  flipped[flipped.length >> 1] ^= 0x10;
  await assert.rejects(
    loadEncoderCompanion({ bytes: flipped, moduleFactory, wasmBinary }),
    /checksum mismatch/,
  );
  await assert.rejects(
    loadEncoderCompanion({ bytes: companionBytes.subarray(0, 6), moduleFactory, wasmBinary }),
    /magic/,
  );
});
