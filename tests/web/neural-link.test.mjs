// The page's side of the neural worker under Node, with a scripted worker:
// every way it can fail turns it off, and a reply never waits past its budget.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NeuralLink, NEURAL_STATE, RUN_TIMEOUT_MS } from '../../web/widget/neural-link.js';

// A worker that answers `load` and `run` the way `script` says.
function fakeWorker(script) {
  const worker = {
    posted: [],
    terminated: false,
    postMessage(message) {
      worker.posted.push(message);
      const answer = script(message);
      if (answer) setTimeout(() => worker.onmessage?.({ data: answer }), 0);
    },
    terminate() {
      worker.terminated = true;
    },
  };
  return worker;
}

function started(script) {
  const states = [];
  const link = new NeuralLink({ onState: (state, detail) => states.push({ state, ...detail }) });
  const worker = fakeWorker(script);
  link.start({ workerUrl: 'w.js', ortUrl: 'ort.mjs', modelUrl: 'm.onnx', integrity: 'sha384-abc', createWorker: () => worker });
  return { link, worker, states };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 5));
const feeds = { rows: { type: 'int32', dims: [1], data: Int32Array.from([3]) } };

test('neural link: ready after load, then runs return the outputs', async () => {
  const outputs = { logits: { type: 'float32', dims: [1, 2], data: Float32Array.from([1, 2]) } };
  const { link, worker, states } = started((m) =>
    m.type === 'load' ? { type: 'ready', ms: 12 } : { type: 'result', id: m.id, outputs },
  );
  assert.equal(link.state, NEURAL_STATE.loading);
  assert.equal(await link.run(feeds), null, 'before ready a run answers null at once');
  await settle();
  assert.deepEqual(states, [{ state: 'loading' }, { state: 'ready', ms: 12 }]);
  assert.deepEqual(await link.run(feeds), outputs);
  assert.deepEqual(worker.posted[0], { type: 'load', ortUrl: 'ort.mjs', modelUrl: 'm.onnx', integrity: 'sha384-abc' });
});

test('neural link: a load error turns it off for good, with the reason', async () => {
  const { link, worker, states } = started(() => ({ type: 'error', message: 'HTTP 404' }));
  await settle();
  assert.equal(link.state, NEURAL_STATE.off);
  assert.deepEqual(states.at(-1), { state: 'off', reason: 'HTTP 404' });
  assert.ok(worker.terminated);
  assert.equal(await link.run(feeds), null);
});

test('neural link: a worker that cannot start, or crashes, turns it off', async () => {
  const link = new NeuralLink();
  link.start({
    workerUrl: 'w.js',
    ortUrl: 'o',
    modelUrl: 'm',
    createWorker: () => {
      throw new Error('module workers unsupported');
    },
  });
  assert.equal(link.state, NEURAL_STATE.off);
  const { link: crashing, worker } = started(() => null);
  worker.onerror({ message: 'out of memory', preventDefault() {} });
  assert.equal(crashing.state, NEURAL_STATE.off);
});

test('neural link: a slow run gives null within its budget; a failed run gives null and stays on', async () => {
  let mode = 'slow';
  const { link } = started((m) => {
    if (m.type === 'load') return { type: 'ready', ms: 1 };
    return mode === 'slow' ? null : { type: 'error', id: m.id, message: 'bad feed' };
  });
  await settle();
  const t0 = performance.now();
  assert.equal(await link.run(feeds), null);
  const waited = performance.now() - t0;
  assert.ok(waited >= RUN_TIMEOUT_MS - 5 && waited < RUN_TIMEOUT_MS + 200, `waited ${waited} ms`);
  mode = 'error';
  assert.equal(await link.run(feeds), null);
  assert.equal(link.state, NEURAL_STATE.ready);
});
