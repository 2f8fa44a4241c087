// The Web Worker that runs a neural model with ONNX Runtime Web, off the page's
// main thread. It knows nothing about intents: the engine (C++) makes the
// feeds and reads the outputs; this file only moves tensors.
//
// Messages in:  { type: 'load', ortUrl, modelUrl, integrity }
//               { type: 'run', id, feeds: { name: { type, dims, data } } }
// Messages out: { type: 'ready', inputNames, outputNames, ms }
//               { type: 'result', id, outputs: { name: { type, dims, data } } }
//               { type: 'error', id?, message }
let ort = null;
let session = null;

async function load({ ortUrl, modelUrl, integrity }) {
  const started = performance.now();
  ort = await import(/* webpackIgnore: true */ ortUrl);
  // The runtime's wasm sits beside its module on the site's own origin, never a
  // CDN. Naming only the .wasm keeps the JS glue the bundle already contains (a
  // directory here would make ORT import a second glue file).
  ort.env.wasm.wasmPaths = { wasm: new URL('./ort-wasm-simd-threaded.wasm', ortUrl).href };
  // One thread: a message costs well under a millisecond, and threads would
  // need cross-origin isolation that most host pages do not have.
  ort.env.wasm.numThreads = 1;
  ort.env.logLevel = 'error';
  const response = await fetch(modelUrl, { credentials: 'same-origin', integrity });
  if (!response.ok) throw new Error(`${modelUrl}: HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  session = await ort.InferenceSession.create(bytes, { executionProviders: ['wasm'] });
  return {
    type: 'ready',
    inputNames: session.inputNames,
    outputNames: session.outputNames,
    ms: performance.now() - started,
  };
}

async function run({ id, feeds }) {
  if (!session) throw new Error('the model is not loaded');
  const tensors = {};
  for (const [name, { type, dims, data }] of Object.entries(feeds)) {
    tensors[name] = new ort.Tensor(type, data, dims);
  }
  const results = await session.run(tensors);
  const outputs = {};
  // Copied, not transferred: outputs are small, and a transfer could detach memory ORT still uses.
  for (const [name, tensor] of Object.entries(results)) {
    outputs[name] = { type: tensor.type, dims: tensor.dims, data: tensor.data };
  }
  return { type: 'result', id, outputs };
}

self.onmessage = async ({ data: message }) => {
  try {
    if (message.type === 'load') self.postMessage(await load(message));
    else if (message.type === 'run') self.postMessage(await run(message));
  } catch (error) {
    self.postMessage({ type: 'error', id: message.id, message: String(error?.message ?? error) });
  }
};
