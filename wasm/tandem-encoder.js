// A company's own sentence encoder, the engine's side of it (tandem-encoder
// wasm module): text -> the encoder's input tensors, the encoder's output ->
// one log-probability per knowledge-base label. ONNX Runtime runs in between;
// this file never imports it, so it works in a Web Worker and in Node alike.
//
//   import createTandemEncoder from './tandem-encoder.mjs';
//   const enc = await loadEncoderCompanion({ bytes, moduleFactory: createTandemEncoder });
//   const feeds = enc.feeds('where is my refund?', session.inputNames);
//   const out = await session.run(toOrtFeeds(ort, feeds));   // see feeds() below
//   const { weight, scores } = enc.scores(out.last_hidden_state.data, out.last_hidden_state.dims);
//
// Every buffer this file puts on the wasm heap is freed before the call returns.

const utf8 = new TextEncoder();
const INPUT_NAMES = ['input_ids', 'attention_mask', 'token_type_ids'];

function withHeapCopy(core, bytes, use) {
  const ptr = core._malloc(Math.max(bytes.length, 1));
  try {
    core.HEAPU8.set(bytes, ptr);
    return use(ptr, bytes.length);
  } finally {
    core._free(ptr);
  }
}

function lastError(core) {
  return core.UTF8ToString(core._tandem_encoder_last_error());
}

async function instantiate({ moduleFactory, wasmBinary, locateFile }) {
  if (typeof moduleFactory !== 'function') {
    throw new TypeError('moduleFactory must be the tandem-encoder factory function');
  }
  const options = {};
  if (wasmBinary) options.wasmBinary = wasmBinary;
  if (locateFile) options.locateFile = locateFile;
  return moduleFactory(options);
}

// The hidden states' shape as [tokens, dims]: [1, L, H] (last_hidden_state)
// or [1, H] (an export that pools itself, e.g. sentence_embedding).
function tokensAndDims(hidden, dims) {
  const shape = Array.from(dims ?? [], Number);
  if (!(hidden instanceof Float32Array)) {
    throw new TypeError('hidden states must be a Float32Array');
  }
  if (shape.length === 3 && shape[0] === 1) return [shape[1], shape[2]];
  if (shape.length === 2 && shape[0] === 1) return [1, shape[1]];
  throw new TypeError(`hidden states of shape [${shape}]: expected [1, tokens, dims] or [1, dims]`);
}

function handleApi(core, handle) {
  let live = true;
  const check = () => {
    if (!live) throw new Error('tandem-encoder used after dispose()');
  };
  const info = () => JSON.parse(core.UTF8ToString(core._tandem_encoder_info(handle)));
  const withFloats = (hidden, use) => {
    const ptr = core._malloc(Math.max(hidden.byteLength, 4));
    try {
      core.HEAPF32.set(hidden, ptr >> 2);
      return use(ptr);
    } finally {
      core._free(ptr);
    }
  };
  return {
    info,
    // The encoder's inputs for one text: { input_ids, attention_mask,
    // token_type_ids } as BigInt64Array (or Int32Array with { type: 'int32' }),
    // plus dims [1, n]. With `names` (session.inputNames) only those inputs are
    // returned (DistilBERT-style exports have no token_type_ids).
    // Build ORT tensors with new ort.Tensor(type, data, dims).
    feeds(text, names = INPUT_NAMES, { type = 'int64' } = {}) {
      check();
      const out = withHeapCopy(core, utf8.encode(String(text)), (ptr, size) => {
        const at = core._tandem_encoder_feeds(handle, ptr, size) >> 2;
        const n = core.HEAP32[at];
        return core.HEAP32.slice(at + 1, at + 1 + 3 * n);
      });
      const n = out.length / 3;
      const result = { type, dims: [1, n] };
      INPUT_NAMES.forEach((name, i) => {
        if (!names.includes(name)) return;
        const part = out.subarray(i * n, (i + 1) * n);
        result[name] = type === 'int32' ? Int32Array.from(part) : BigInt64Array.from(part, BigInt);
      });
      return result;
    },
    // The unit sentence vector (Float32Array) of one text's hidden states.
    embed(hidden, hiddenDims) {
      check();
      const [tokens, size] = tokensAndDims(hidden, hiddenDims);
      return withFloats(hidden, (ptr) => {
        const at = core._tandem_encoder_pool(handle, ptr, tokens, size);
        if (!at) throw new Error(lastError(core));
        return core.HEAPF32.slice(at >> 2, (at >> 2) + size);
      });
    },
    dispose() {
      if (live) core._tandem_encoder_destroy(handle);
      live = false;
    },
    check,
    withFloats,
  };
}

// Resolves to { labels, weight, maxTokens, dims, feeds(text, names?, options?),
// scores(hidden, dims), embed(hidden, dims), dispose() } for a companion file (site.encoder).
// Rejects with the module's own reason when the bytes are not a valid companion.
export async function loadEncoderCompanion({ bytes, moduleFactory, wasmBinary, locateFile } = {}) {
  if (!(bytes instanceof Uint8Array)) throw new TypeError('bytes must be a Uint8Array');
  const core = await instantiate({ moduleFactory, wasmBinary, locateFile });
  const handle = withHeapCopy(core, bytes, (ptr, size) => core._tandem_encoder_load(ptr, size));
  if (!handle) throw new Error(`cannot load the encoder companion: ${lastError(core)}`);
  const api = handleApi(core, handle);
  const { labels, weight, max_tokens: maxTokens, dims } = api.info();
  return {
    labels,
    weight,
    maxTokens,
    dims,
    feeds: api.feeds,
    embed: api.embed,
    // { weight, scores: { label: log-probability } } for the encoder's output on
    // one text: its data (Float32Array) and dims. Throws on a shape the index
    // cannot use (another encoder than the one it was built with).
    scores(hidden, hiddenDims) {
      api.check();
      const [tokens, size] = tokensAndDims(hidden, hiddenDims);
      const answer = JSON.parse(
        api.withFloats(hidden, (ptr) =>
          core.UTF8ToString(core._tandem_encoder_scores(handle, ptr, tokens, size)),
        ),
      );
      if (answer.error) throw new Error(answer.error);
      return answer;
    },
    dispose: api.dispose,
  };
}

// Build time (web/tools/encoder-index.mjs): { feeds, embed, add(label, hidden, dims),
// build(weight) -> Uint8Array (the companion file), info(), dispose() } for the
// encoder's vocab.txt or tokenizer.json text.
export async function createEncoderIndexBuilder({
  vocabText,
  maxTokens = 128,
  moduleFactory,
  wasmBinary,
  locateFile,
} = {}) {
  const core = await instantiate({ moduleFactory, wasmBinary, locateFile });
  const handle = withHeapCopy(core, utf8.encode(String(vocabText)), (ptr, size) =>
    core._tandem_encoder_from_vocab(ptr, size, maxTokens),
  );
  if (!handle) throw new Error(`cannot read the vocabulary: ${lastError(core)}`);
  const api = handleApi(core, handle);
  return {
    feeds: api.feeds,
    embed: api.embed,
    info: api.info,
    add(label, hidden, hiddenDims) {
      api.check();
      const [tokens, size] = tokensAndDims(hidden, hiddenDims);
      const ok = withHeapCopy(core, utf8.encode(`${label}\0`), (labelPtr) =>
        api.withFloats(hidden, (ptr) =>
          core._tandem_encoder_add(handle, labelPtr, ptr, tokens, size),
        ),
      );
      if (!ok) throw new Error(lastError(core));
    },
    build(weight = 1) {
      api.check();
      const ptr = core._tandem_encoder_build(handle, weight);
      if (!ptr) throw new Error(`cannot build the index: ${lastError(core)}`);
      return core.HEAPU8.slice(ptr, ptr + core._tandem_encoder_size(handle));
    },
    dispose: api.dispose,
  };
}
