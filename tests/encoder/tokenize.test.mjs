// The wasm tokenizer gives the ids the C++ unit tests work out by hand
// (tests/unit/text/test_wordpiece.cpp), and refuses what it cannot read.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { createEncoderIndexBuilder, loadEncoderCompanion } from '../../wasm/tandem-encoder.js';
import { moduleFactory, wasmBinary } from './support.mjs';

// The unit tests' vocabulary: ids are line numbers.
const VOCAB = [
  '[PAD]', '[UNK]', '[CLS]', '[SEP]', 'un', '##aff', '##able', 'the', 'cafe', ',', '!', '.',
  'hello', 'world', '你', '好', '##s', 'run', '##ning', "'", 's', '##n', '##a', 'u', '##u', '$',
  '5', 'Hello',
].join('\n');

const builder = (options = {}) =>
  createEncoderIndexBuilder({ vocabText: VOCAB, moduleFactory, wasmBinary, ...options });

test('feeds hold the same ids as the C++ tokenizer', async () => {
  const tokenizer = await builder();
  const ids = (text) => Array.from(tokenizer.feeds(text).input_ids, Number);
  assert.deepEqual(ids('unaffable!'), [2, 4, 5, 6, 10, 3]);
  assert.deepEqual(ids('CAFÉ, hello world.'), [2, 8, 9, 12, 13, 11, 3]);
  assert.deepEqual(ids('你好'), [2, 14, 15, 3]);
  assert.deepEqual(ids('the unx world'), [2, 7, 1, 13, 3]);
  assert.deepEqual(ids(''), [2, 3]);
  tokenizer.dispose();
});

test('feeds are int64 by default, int32 on request, and follow the input names', async () => {
  const tokenizer = await builder();
  const feeds = tokenizer.feeds('running runs');
  assert.deepEqual(feeds.dims, [1, 6]);
  assert.ok(feeds.input_ids instanceof BigInt64Array);
  assert.deepEqual(Array.from(feeds.input_ids, Number), [2, 17, 18, 17, 16, 3]);
  assert.deepEqual(Array.from(feeds.attention_mask, Number), [1, 1, 1, 1, 1, 1]);
  assert.deepEqual(Array.from(feeds.token_type_ids, Number), [0, 0, 0, 0, 0, 0]);

  const distilbert = tokenizer.feeds('hello', ['input_ids', 'attention_mask'], { type: 'int32' });
  assert.ok(distilbert.input_ids instanceof Int32Array);
  assert.equal(distilbert.token_type_ids, undefined);
  tokenizer.dispose();
});

test('feeds are cut to the encoder length, keeping [SEP]', async () => {
  const tokenizer = await builder({ maxTokens: 4 });
  const ids = tokenizer.feeds('unaffable the world').input_ids;
  assert.deepEqual(Array.from(ids, Number), [2, 4, 5, 3]);
  tokenizer.dispose();
});

test('a tokenizer.json is read like vocab.txt', async () => {
  const json = JSON.stringify({
    normalizer: { type: 'BertNormalizer', lowercase: true, strip_accents: null },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      vocab: Object.fromEntries(VOCAB.split('\n').map((token, id) => [token, id])),
    },
  });
  const tokenizer = await builder({ vocabText: json });
  assert.deepEqual(Array.from(tokenizer.feeds('Unaffable').input_ids, Number), [2, 4, 5, 6, 3]);
  tokenizer.dispose();
});

test('bad vocabularies and companions are refused with the reason', async () => {
  await assert.rejects(builder({ vocabText: '[UNK]\n\n[CLS]\n' }), /line 2: empty token/);
  await assert.rejects(
    builder({ vocabText: JSON.stringify({ model: { type: 'Unigram', vocab: [] } }) }),
    /only WordPiece tokenizers/,
  );
  await assert.rejects(builder({ maxTokens: 1 }), /max_tokens/);
  await assert.rejects(
    loadEncoderCompanion({
      bytes: new TextEncoder().encode('not a companion'),
      moduleFactory,
      wasmBinary,
    }),
    /cannot load the encoder companion: .*magic/,
  );
  const tokenizer = await builder();
  assert.throws(() => tokenizer.build(), /cannot build the index/);
  assert.throws(
    () => tokenizer.add('x', new Float32Array(4), [1, 2, 2, 1]),
    /expected \[1, tokens, dims\]/,
  );
  tokenizer.dispose();
});
