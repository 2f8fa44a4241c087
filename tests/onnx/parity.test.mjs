// The trained network gives the same scores natively (`tandem ask --neural
// --logits`: the engine's featurisation and the C++ evaluator) and in ONNX
// Runtime Web under Node (the browser's runtime) on the same feeds, and the
// exported file is what the browser's worker expects.
//   TANDEM_BIN  native CLI (default build/release/bin/tandem)
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import * as ort from 'onnxruntime-web';

const kTolerance = 1e-4;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tandemBin = path.resolve(root, process.env.TANDEM_BIN ?? 'build/release/bin/tandem');
const trainingData = path.join(root, 'tests/data/banking77/sample.csv');

// Real customer messages from the sample (every 120th row), and the edges of
// the input: no features at all, one word, repeated words, other scripts.
function messages() {
  const lines = fs.readFileSync(trainingData, 'utf8').split('\n').slice(1);
  const picked = lines
    .filter((line, i) => i % 120 === 0 && line && !line.startsWith('"'))
    .map((line) => line.slice(0, line.lastIndexOf(',')));
  return [...picked, '', '?!', 'card', 'card card card card', 'carte bancaire bloquée 🙁'];
}

let dir, modelPath, onnxPath, session;

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-onnx-'));
  modelPath = path.join(dir, 'bank.tandem');
  onnxPath = path.join(dir, 'bank.onnx');
  execFileSync(tandemBin, ['train', trainingData, '-o', modelPath, '--neural', '--folds', '2'], {
    stdio: 'ignore',
  });
  ort.env.wasm.numThreads = 1;
  session = await ort.InferenceSession.create(fs.readFileSync(onnxPath));
});

after(() => fs.rmSync(dir, { recursive: true, force: true }));

function askNative(text) {
  const out = execFileSync(tandemBin, ['ask', modelPath, text, '--neural', '--logits'], {
    encoding: 'utf8',
  });
  return JSON.parse(out);
}

async function runOrt({ rows, weights }) {
  const n = rows.length;
  const fetches = await session.run({
    rows: new ort.Tensor('int32', Int32Array.from(rows), [n]),
    weights: new ort.Tensor('float32', Float32Array.from(weights), [n]),
  });
  return {
    logits: Array.from(fetches.logits.data),
    dims: fetches.logits.dims,
    fingerprint: fetches.fingerprint.data[0] >>> 0,
  };
}

test('the file has the feeds and fetches the browser worker names', () => {
  assert.deepEqual(session.inputNames, ['rows', 'weights']);
  assert.deepEqual(session.outputNames, ['logits', 'fingerprint']);
});

test('the file passes the ONNX checker with full shape inference, opset <= 17', () => {
  const script = [
    'import onnx, sys',
    'm = onnx.load(sys.argv[1])',
    'onnx.checker.check_model(m, full_check=True)',
    'print(max(o.version for o in m.opset_import if o.domain in ("", "ai.onnx")), m.producer_name)',
  ].join('\n');
  const [opset, producer] = execFileSync('/usr/bin/python3', ['-c', script, onnxPath], {
    encoding: 'utf8',
  })
    .trim()
    .split(' ');
  assert.ok(Number(opset) <= 17, `opset ${opset}`);
  assert.equal(producer, 'tandem');
});

test('native and ONNX Runtime Web logits agree within 1e-4 on real messages', async () => {
  const texts = messages();
  assert.ok(texts.length >= 20, `only ${texts.length} messages`);
  let maxDiff = 0;
  for (const text of texts) {
    const native = askNative(text);
    const { rows, weights, logits, fingerprint } = native.neural;
    assert.equal(rows.length, weights.length);
    const web = await runOrt({ rows, weights });
    assert.deepEqual(web.dims, [1, logits.length]);
    assert.equal(web.fingerprint, fingerprint, `fingerprint for ${JSON.stringify(text)}`);
    for (let c = 0; c < logits.length; ++c) {
      const diff = Math.abs(web.logits[c] - logits[c]);
      maxDiff = Math.max(maxDiff, diff);
      assert.ok(diff <= kTolerance, `${JSON.stringify(text)} class ${c}: ${logits[c]} vs ${web.logits[c]}`);
    }
  }
  console.log(`${texts.length} messages, max |native - ORT| = ${maxDiff.toExponential(2)}`);
});

test('a message with features carries them; the top class is the same on both sides', async () => {
  const native = askNative('I still have not received my new card');
  assert.ok(native.neural.rows.length > 0);
  const web = await runOrt(native.neural);
  const argmax = (v) => v.indexOf(Math.max(...v));
  assert.equal(argmax(web.logits), argmax(native.neural.logits));
});
