// The two kinds of neural model a site can add, seen from the widget: what to
// send the worker for a message, and what to hand the engine back. The C++
// side makes the feeds and reads the outputs in both; JS only carries them.
//   trained model  `tandem train --neural` -> site.onnx (feeds from tandem-core)
//   own encoder    a BERT-family encoder.onnx + site.encoder from
//                  web/tools/encoder-index.mjs (feeds from tandem-encoder)

// null when the knowledge file was trained without a neural model.
export function trainedModelSource(engine) {
  if (engine.neural.feeds('') === null) return null;
  return {
    feeds: (text) => engine.neural.feeds(text),
    context(outputs) {
      const neural = engine.neural.scores(outputs);
      return neural ? { neural } : {};
    },
    dispose() {},
  };
}

// An encoder's sentence vector: pooled by the model itself, or by us from its tokens.
function hiddenStates(outputs) {
  return outputs.sentence_embedding ?? outputs.last_hidden_state ?? Object.values(outputs)[0];
}

async function fetchBytes(url) {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

// Loads tandem-encoder and the site's companion file (vocabulary and the index
// of knowledge-base phrasings); rejects with the reason when either fails.
export async function encoderSource({ companionUrl, wrapperUrl, moduleUrl }) {
  const [{ loadEncoderCompanion }, { default: moduleFactory }, bytes] = await Promise.all([
    import(/* webpackIgnore: true */ wrapperUrl),
    import(/* webpackIgnore: true */ moduleUrl),
    fetchBytes(companionUrl),
  ]);
  const encoder = await loadEncoderCompanion({
    bytes,
    moduleFactory,
    locateFile: (file) => new URL(file, moduleUrl).href,
  });
  return {
    feeds(text, inputNames) {
      const feeds = encoder.feeds(text, inputNames);
      return Object.fromEntries(inputNames.map((name) => [name, { type: feeds.type, dims: feeds.dims, data: feeds[name] }]));
    },
    context(outputs) {
      const hidden = outputs && hiddenStates(outputs);
      return hidden ? { encoder: encoder.scores(hidden.data, hidden.dims) } : {};
    },
    dispose: () => encoder.dispose(),
  };
}
