// The engine in WebAssembly as a plain JS object. An ES module with no build
// step: browsers import it as is, and so does Node.
//
//   import createTandemCore from './tandem-core.mjs';   // the Emscripten factory
//   const engine = await loadEngine({ modelBytes, moduleFactory: createTandemCore });
//   engine.decide('where is my refund?');  // { action, intent, confidence, reply, ... }
//   engine.conversation.respond('I was charged twice', { now_ms: Date.now() });
//   engine.dispose();
//
// Strings cross into the wasm heap as UTF-8. Every buffer this file allocates
// there is freed before the call that allocated it returns, so only the engine
// itself stays on the heap until dispose().

const encoder = new TextEncoder();

// JSON.stringify writes an unpaired surrogate as a "\\ud800" escape, which is
// not valid UTF-8 text and which the core's JSON reader rightly refuses; the
// customer's text may contain one (a cut emoji), so it becomes U+FFFD first,
// as TextEncoder does for decide(). A loop, not a regex with lookbehind, which
// older webviews cannot parse.
function wellFormed(text) {
  if (typeof text.toWellFormed === 'function') return text.toWellFormed();
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const high = c >= 0xd800 && c <= 0xdbff;
    const nextLow = i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    if (high && nextLow) {
      out += text[i] + text[i + 1];
      i++;
    } else {
      out += c >= 0xd800 && c <= 0xdfff ? '\ufffd' : text[i];
    }
  }
  return out;
}

const jsonOf = (request) =>
  JSON.stringify(request, (_key, value) => (typeof value === 'string' ? wellFormed(value) : value));

// Resolves to { decide(text), conversation, dispose() }. Rejects with the engine's own
// message when the model bytes are not a valid compiled model.
export async function loadEngine({ modelBytes, moduleFactory, wasmBinary, locateFile } = {}) {
  if (!(modelBytes instanceof Uint8Array)) {
    throw new TypeError('loadEngine: modelBytes must be a Uint8Array');
  }
  if (typeof moduleFactory !== 'function') {
    throw new TypeError('loadEngine: moduleFactory must be the tandem-core factory function');
  }
  const options = {};
  if (wasmBinary) options.wasmBinary = wasmBinary;
  if (locateFile) options.locateFile = locateFile;
  const core = await moduleFactory(options);

  let handle = withHeapCopy(core, modelBytes, (ptr, size) => core._tandem_engine_create(ptr, size));
  if (!handle) {
    throw new Error(`cannot load the model: ${core.UTF8ToString(core._tandem_last_error())}`);
  }

  function call(request) {
    if (!handle) throw new Error('conversation call after dispose()');
    const json = withHeapCopy(core, encoder.encode(jsonOf(request)), (ptr, size) =>
      core.UTF8ToString(core._tandem_session_call(handle, ptr, size)),
    );
    const answer = JSON.parse(json);
    if (answer.error) throw new Error(answer.error);
    return answer;
  }

  return {
    // The decision about one message: the object `tandem ask` prints.
    decide(text) {
      if (!handle) throw new Error('decide() called after dispose()');
      // TextEncoder turns unpaired surrogates into U+FFFD: the engine only ever sees valid UTF-8.
      const json = withHeapCopy(core, encoder.encode(String(text)), (ptr, size) =>
        core.UTF8ToString(core._tandem_engine_decide(handle, ptr, size)),
      );
      return JSON.parse(json);
    },
    // The dialogue policy over one session held by the engine (docs/wasm.md,
    // "Conversations"). Every method returns { session, mode, ... } with the
    // session as JSON to persist, or throws with the core's message.
    conversation: {
      restore: (session) => call({ op: 'restore', session: session ?? null }),
      respond: (text, context = {}) => call({ ...context, op: 'respond', text: String(text) }),
      // A clarification chip (or any offered need) by its id: selects it, no re-classifying.
      choose: (id, context = {}) => call({ ...context, op: 'choose', id: String(id) }),
      // { name, locale, messages: { greeting, subtitle, placeholder, contact, fallback, handoff } }
      info: () => call({ op: 'info' }).info,
      feedback: (turn, helpful, context = {}) => call({ ...context, op: 'feedback', turn, helpful }),
      agentMessage: (text, context = {}) => call({ ...context, op: 'agent_message', text: String(text) }),
      returnToBot: () => call({ op: 'return_to_bot' }),
      // What the page showed the customer (a notice) about a detail it knows ('order_id', 'LP-000124'):
      // a bot turn, and the detail kept as if the customer said it.
      remember: (type, value, shown, context = {}) =>
        call({ ...context, op: 'remember', type: String(type), value: String(value), shown: String(shown) }),
      // { id, created_at_ms, page: { url, title, locale, user_agent }, customer: { name, email, id } }
      bundle: (input) => call({ ...input, op: 'bundle' }),
      // The outcome of reply.call (docs/actions.md): { outcome, body, latency_ms }.
      actionResult: (result, context = {}) => call({ ...context, ...result, op: 'action_result' }),
      actionHosts: () => call({ op: 'action_hosts' }).action_hosts,
    },
    // The knowledge base's name, locale and own words (conversation.info()).
    info: () => call({ op: 'info' }).info,
    // The trained neural model's tensors (docs/neural.md): the engine makes the
    // feeds, ONNX Runtime runs model.onnx, and respond(text, { neural:
    // neural.scores(outputs) }) fuses its logits with the engine's own scores.
    neural: {
      // null when the model was trained without a neural network.
      feeds(text) {
        const { neural } = call({ op: 'neural_input', text: String(text) });
        if (!neural) return null;
        return {
          rows: { type: 'int32', dims: [neural.rows.length], data: Int32Array.from(neural.rows) },
          weights: { type: 'float32', dims: [neural.weights.length], data: Float32Array.from(neural.weights) },
        };
      },
      scores(outputs) {
        if (!outputs?.logits || !outputs?.fingerprint) return undefined;
        return { fingerprint: Number(outputs.fingerprint.data[0]), logits: Array.from(outputs.logits.data) };
      },
    },
    // Frees the engine; calling it again does nothing.
    dispose() {
      if (handle) core._tandem_engine_destroy(handle);
      handle = 0;
    },
  };
}

function withHeapCopy(core, bytes, use) {
  const ptr = core._malloc(Math.max(bytes.length, 1));
  if (!ptr) throw new Error('out of wasm memory');
  try {
    // HEAPU8 is read after _malloc: growing memory replaces the view.
    core.HEAPU8.set(bytes, ptr);
    return use(ptr, bytes.length);
  } finally {
    core._free(ptr);
  }
}
