// The browser build (ES module, -sENVIRONMENT=web) is the file the widget
// ships. Given the wasm bytes it also runs in Node, which checks that the
// wrapper works with it and that it decides exactly as the Node build does.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { before, describe, test } from 'node:test';

import { loadEngine } from '../../wasm/tandem-engine.js';
import { loadWasmEngine, trainDemoModel, webBuildDir } from './support.mjs';

const messages = [
  'where is my refund?',
  'what are your opening hours',
  "there's a purchase on my account I didn't make",
  'tell me a joke about penguins',
  '',
  'où est mon remboursement 😀 \uD800',
];

describe('browser build', () => {
  let bytes;
  before(() => {
    bytes = fs.readFileSync(trainDemoModel());
  });

  test('decides exactly as the Node build', async () => {
    const url = pathToFileURL(path.join(webBuildDir, 'tandem-core.mjs'));
    const { default: createTandemCore } = await import(url);
    const web = await loadEngine({
      modelBytes: bytes,
      moduleFactory: createTandemCore,
      wasmBinary: fs.readFileSync(path.join(webBuildDir, 'tandem-core.wasm')),
    });
    const { engine: node } = await loadWasmEngine(bytes);
    for (const message of messages) assert.deepEqual(web.decide(message), node.decide(message));
    web.dispose();
    node.dispose();
  });
});
