// A bad model file rejects loadEngine() with the engine's own explanation.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { loadWasmEngine, trainDemoModel } from './support.mjs';

describe('loading a bad model', () => {
  let bytes;
  before(() => {
    bytes = fs.readFileSync(trainDemoModel());
  });

  test('a truncated file', async () => {
    await assert.rejects(loadWasmEngine(bytes.subarray(0, bytes.length / 2)), {
      message: /^cannot load the model: model file: payload is \d+ bytes .*truncated/,
    });
  });

  test('a file cut inside its header', async () => {
    await assert.rejects(loadWasmEngine(bytes.subarray(0, 6)), { message: /too short.*truncated/ });
  });

  test('a corrupted byte', async () => {
    const corrupted = Uint8Array.from(bytes);
    corrupted[corrupted.length >> 1] ^= 0x5a;
    await assert.rejects(loadWasmEngine(corrupted), { message: /checksum mismatch.*corrupted/ });
  });

  test('a file that is not a model', async () => {
    const kb = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/demo/kb.json');
    await assert.rejects(loadWasmEngine(fs.readFileSync(kb)), { message: /bad magic bytes/ });
  });

  test('an empty file', async () => {
    await assert.rejects(loadWasmEngine(new Uint8Array()), { message: /too short/ });
  });

  test('bytes that are not a Uint8Array', async () => {
    await assert.rejects(loadWasmEngine('demo.tandem'), TypeError);
  });
});
