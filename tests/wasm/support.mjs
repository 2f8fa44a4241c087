// Shared by the wasm tests: the native `tandem` binary, the Node build of
// tandem-core, and the demo model trained by that binary.
//   TANDEM_BIN        native CLI (default build/release/bin/tandem)
//   TANDEM_WASM_NODE  folder holding tandem-core.cjs + .wasm (default build/wasm/node)
//   TANDEM_WASM_WEB   folder holding the browser build tandem-core.mjs + .wasm (default build/wasm/web)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { loadEngine } from '../../wasm/tandem-engine.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const tandemBin = path.resolve(root, process.env.TANDEM_BIN ?? 'build/release/bin/tandem');
const wasmDir = path.resolve(root, process.env.TANDEM_WASM_NODE ?? 'build/wasm/node');
export const webBuildDir = path.resolve(root, process.env.TANDEM_WASM_WEB ?? 'build/wasm/web');

const createTandemCore = createRequire(import.meta.url)(path.join(wasmDir, 'tandem-core.cjs'));
// Node 20's global fetch cannot load a file path in Emscripten 3.1.6's loader:
// hand it the bytes.
const wasmBinary = fs.readFileSync(path.join(wasmDir, 'tandem-core.wasm'));

// Trains web/demo/kb.json once per test file; returns the model's path.
export function trainDemoModel() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-wasm-'));
  const model = path.join(dir, 'demo.tandem');
  execFileSync(tandemBin, ['train', path.join(root, 'web/demo/kb.json'), '-o', model], {
    stdio: 'ignore',
  });
  return model;
}

export function askNative(model, text) {
  return JSON.parse(execFileSync(tandemBin, ['ask', model, text], { encoding: 'utf8' }));
}

// The engine plus the Emscripten module under it, so tests can watch the heap.
// Pass `core` to load into a module that already exists (engines can share one).
export async function loadWasmEngine(modelBytes, core) {
  const moduleFactory = core
    ? async () => core
    : async (options) => (core = await createTandemCore(options));
  const engine = await loadEngine({ modelBytes, moduleFactory, wasmBinary });
  return { engine, core };
}
