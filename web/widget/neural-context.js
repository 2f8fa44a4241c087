// The optional neural model beside the engine (docs/neural.md): it loads in a
// worker once the chat is open and the browser is idle; until it is ready
// (or if it never is, or a run fails) the engine answers alone.
import { integrityOf, parseIntegrity } from './integrity.js';
import { NeuralLink, NEURAL_STATE } from './neural-link.js';
import { encoderSource, trainedModelSource } from './neural-sources.js';

const NEURAL_WORKER_URL = new URL('./tandem-neural-worker.js', import.meta.url).href;
const ORT_URL = new URL('./ort/ort.wasm.bundle.min.mjs', import.meta.url).href;
const ENCODER_WRAPPER_URL = new URL('./tandem-encoder.js', import.meta.url).href;
const ENCODER_MODULE_URL = new URL('./tandem-encoder.mjs', import.meta.url).href;

export class NeuralContext {
  #link = null;
  #source = null;

  // The element's `neural`, or `encoder` and `encoder-model`, name the files.
  start(engine, element, onState) {
    const url = (name) => element.getAttribute(name) && new URL(element.getAttribute(name), element.ownerDocument.baseURI).href;
    const encoder = url('encoder');
    const model = encoder ? url('encoder-model') : url('neural');
    if ((!model && !encoder) || this.#link) return;
    const link = new NeuralLink({
      onState: (state, detail) => {
        if (state === NEURAL_STATE.ready || state === NEURAL_STATE.off) onState(state, detail);
      },
    });
    this.#link = link;
    if (!model) return link.disable('the encoder attribute needs encoder-model too');
    const source = encoder
      ? encoderSource({ companionUrl: encoder, wrapperUrl: ENCODER_WRAPPER_URL, moduleUrl: ENCODER_MODULE_URL })
      : Promise.resolve(trainedModelSource(engine));
    const begin = () =>
      source.then(
        (loaded) => {
          if (this.#link !== link) return loaded?.dispose();
          if (!loaded) return link.disable('no neural model to run');
          this.#source = loaded;
          const integrity = integrityOf(parseIntegrity(element.getAttribute('integrity')), model);
          link.start({ workerUrl: NEURAL_WORKER_URL, ortUrl: ORT_URL, modelUrl: model, integrity });
        },
        (error) => link.disable(`encoder: ${error.message}`),
      );
    if ('requestIdleCallback' in globalThis) requestIdleCallback(begin, { timeout: 2000 });
    else setTimeout(begin, 0);
  }

  stop() {
    this.#link?.dispose();
    this.#link = null;
    this.#source?.dispose();
    this.#source = null;
  }

  // What the engine is given besides the text: the model's scores, or
  // nothing when it is not ready, too slow or failing.
  async context(text) {
    if (this.#link?.state !== NEURAL_STATE.ready || !this.#source) return {};
    try {
      const outputs = await this.#link.run(this.#source.feeds(text, this.#link.inputNames));
      return outputs ? this.#source.context(outputs) : {};
    } catch {
      return {};
    }
  }
}
