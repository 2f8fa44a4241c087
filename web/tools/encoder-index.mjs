// Builds the companion file of a company's own sentence encoder (docs/embedding.md,
// "Bring your own encoder"): every intent example and FAQ question of the
// knowledge base goes through the encoder once, here, offline; the widget then
// only encodes the customer's message.
//
//   node web/tools/encoder-index.mjs --kb kb.json --encoder encoder.onnx \
//        --vocab vocab.txt|tokenizer.json -o site.encoder \
//        [--max-tokens 128] [--weight 1] [--wasm build/wasm/node]
//
// Tokenising, pooling and indexing run in the tandem-encoder wasm module (the
// same code the browser runs), the encoder in onnxruntime-web under Node.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { createEncoderIndexBuilder } from '../../wasm/tandem-encoder.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const USAGE =
  'usage: encoder-index.mjs --kb KB.json --encoder ENCODER.onnx --vocab vocab.txt|tokenizer.json ' +
  '-o OUT.encoder [--max-tokens N] [--weight W] [--wasm DIR]';

function parseArgs(argv) {
  const options = {
    maxTokens: 128,
    weight: 1,
    wasm: process.env.TANDEM_WASM_NODE ?? 'build/wasm/node',
  };
  const names = {
    '--kb': 'kb',
    '--encoder': 'encoder',
    '--vocab': 'vocab',
    '-o': 'out',
    '--out': 'out',
    '--wasm': 'wasm',
  };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    if (names[argv[i]] && value !== undefined) options[names[argv[i]]] = value;
    else if (argv[i] === '--max-tokens' && value !== undefined) options.maxTokens = Number(value);
    else if (argv[i] === '--weight' && value !== undefined) options.weight = Number(value);
    else throw new Error(`unknown or incomplete argument ${argv[i]}\n${USAGE}`);
    i++;
  }
  for (const required of ['kb', 'encoder', 'vocab', 'out']) {
    if (!options[required]) throw new Error(`missing --${required}\n${USAGE}`);
  }
  if (!Number.isInteger(options.maxTokens)) throw new Error('--max-tokens must be a whole number');
  if (!Number.isFinite(options.weight)) throw new Error('--weight must be a number');
  return options;
}

// [label, text] for every phrasing: intent examples and FAQ questions, labelled
// with the intent or FAQ id, as the engine's classifier labels them
// (src/core/engine/compile.cpp). `tandem train` validates the KB itself.
export function phrasingsOf(kb) {
  const out = [];
  for (const [key, field] of [['intents', 'examples'], ['faqs', 'questions']]) {
    for (const entry of kb[key] ?? []) {
      if (typeof entry?.id !== 'string' || !Array.isArray(entry[field])) {
        throw new Error(`${key}: every entry needs an "id" and a "${field}" list`);
      }
      for (const text of entry[field]) out.push([entry.id, String(text)]);
    }
  }
  if (!out.length) throw new Error('the knowledge base has no intent examples or FAQ questions');
  return out;
}

// The hidden states of one text: runs the session with the feeds it declares,
// as int64 (BERT exports) or int32 when the model wants that.
export async function encode(ort, session, builder, text) {
  const output = session.outputNames.includes('last_hidden_state')
    ? 'last_hidden_state'
    : session.outputNames[0];
  const run = async (type) => {
    const feeds = builder.feeds(text, session.inputNames, { type });
    const tensors = {};
    for (const name of session.inputNames) {
      if (!feeds[name]) throw new Error(`the encoder wants an input "${name}" no tokenizer makes`);
      tensors[name] = new ort.Tensor(type, feeds[name], feeds.dims);
    }
    return (await session.run(tensors))[output];
  };
  const hidden = await run('int64').catch((error) =>
    /int32|type/i.test(String(error)) ? run('int32') : Promise.reject(error),
  );
  return { data: hidden.data, dims: hidden.dims };
}

export async function buildCompanion({ kb, encoderBytes, vocabText, maxTokens, weight, wasmDir }) {
  const ort = await import('onnxruntime-web');
  const dir = path.resolve(ROOT, wasmDir);
  const moduleFactory = createRequire(import.meta.url)(path.join(dir, 'tandem-encoder.cjs'));
  // Node 20's fetch cannot load a file path in Emscripten 3.1.6's loader: pass the bytes.
  const wasmBinary = fs.readFileSync(path.join(dir, 'tandem-encoder.wasm'));
  const builder = await createEncoderIndexBuilder({
    vocabText,
    maxTokens,
    moduleFactory,
    wasmBinary,
  });
  const session = await ort.InferenceSession.create(encoderBytes);
  try {
    for (const [label, text] of phrasingsOf(kb)) {
      const { data, dims } = await encode(ort, session, builder, text);
      builder.add(label, data, dims);
    }
    const bytes = builder.build(weight);
    return { bytes, info: builder.info() };
  } finally {
    builder.dispose();
    await session.release();
  }
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const kb = JSON.parse(fs.readFileSync(options.kb, 'utf8'));
  const { bytes, info } = await buildCompanion({
    kb,
    encoderBytes: fs.readFileSync(options.encoder),
    vocabText: fs.readFileSync(options.vocab, 'utf8'),
    maxTokens: options.maxTokens,
    weight: options.weight,
    wasmDir: options.wasm,
  });
  fs.writeFileSync(options.out, bytes);
  console.log(
    `${options.out}: ${bytes.length} bytes; ${info.phrasings} phrasings of ` +
      `${info.labels.length} labels, ${info.dims} dimensions, ` +
      `temperature ${info.temperature.toFixed(3)}, weight ${info.weight}`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error(`encoder-index: ${error.message}`);
    process.exit(1);
  });
}
