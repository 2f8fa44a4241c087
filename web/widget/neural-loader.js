// The optional neural model's glue (neural-context.js, built as
// tandem-neural.js) is fetched only by a page with `neural` or `encoder`,
// after the chat opens (docs/neural.md); a knowledge file without a network
// is known without fetching anything.
const NEURAL_URL = new URL('./tandem-neural.js', import.meta.url).href;

// Resolves to the running NeuralContext (`current` when there is one), or null.
export async function startNeural(element, engine, current, onState) {
  const encoder = element.hasAttribute('encoder');
  if (!element.hasAttribute('neural') && !encoder) return null;
  if (!encoder && engine.neural.feeds('') === null) {
    onState('off', { reason: 'the knowledge file was trained without a neural model' });
    return null;
  }
  let neural = current;
  try {
    neural ??= new (await import(NEURAL_URL)).NeuralContext();
  } catch (error) {
    onState('off', { reason: `${NEURAL_URL}: ${error.message}` });
    return null;
  }
  neural.start(engine, element, onState);
  return neural;
}
