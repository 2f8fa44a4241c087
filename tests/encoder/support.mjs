// Shared by the encoder tests: the Node build of tandem-encoder and the test
// encoder, generated once per test file into a temporary folder by
// make_test_encoder.py (random weights: it proves plumbing, not accuracy).
//   TANDEM_WASM_NODE  folder holding tandem-encoder.cjs + .wasm (default build/wasm/node)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const wasmDir = path.resolve(root, process.env.TANDEM_WASM_NODE ?? 'build/wasm/node');
const require = createRequire(import.meta.url);
export const moduleFactory = require(path.join(wasmDir, 'tandem-encoder.cjs'));
// Node 20's global fetch cannot load a file path in Emscripten 3.1.6's loader.
export const wasmBinary = fs.readFileSync(path.join(wasmDir, 'tandem-encoder.wasm'));

// { dir, encoder: path of encoder.onnx, vocab: path of vocab.txt }
export function makeTestEncoder() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-encoder-'));
  execFileSync('/usr/bin/python3', [path.join(root, 'tests/encoder/make_test_encoder.py'), dir]);
  return { dir, encoder: path.join(dir, 'encoder.onnx'), vocab: path.join(dir, 'vocab.txt') };
}
