// A company's own words in the widget's chrome (docs/embedding.md): the
// page's attributes first, then the knowledge base's `messages` (the engine's
// info(), where the engine has it), then the locale's defaults.
export const WORD_ATTRIBUTES = ['title', 'greeting', 'subtitle', 'placeholder', 'contact'];

// The KB's messages, or {} for an engine without info().
export function kbMessages(engine) {
  const info = engine?.info ?? engine?.conversation?.info;
  if (typeof info !== 'function') return {};
  try {
    const answer = info.call(engine.info ? engine : engine.conversation);
    return answer?.messages ?? answer ?? {};
  } catch {
    return {};
  }
}

export function companyWords(element, messages = {}) {
  const words = {};
  for (const name of WORD_ATTRIBUTES) {
    const value = element.getAttribute(name) || messages[name];
    if (typeof value === 'string' && value.trim()) words[name] = value.trim();
  }
  return words;
}
