// Conversation persistence in localStorage, one record per knowledge base so
// two widgets on one site keep separate conversations. Storage can be absent
// or full (private browsing, some webviews): the widget then works without
// memory instead of failing.
const VERSION = 1;
const MAX_MESSAGES = 200;

export function storageKey(kbUrl) {
  return `tandem:conversation:${kbUrl}`;
}

export function emptyConversation() {
  // session: the core's (docs/wasm.md); handoff: the delivery and the person's line.
  return { version: VERSION, open: false, messages: [], session: null, mode: 'bot', handoff: null };
}

function defaultStore() {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // reading localStorage itself throws when storage is blocked
  }
}

export function loadConversation(key, store = defaultStore()) {
  try {
    const parsed = JSON.parse(store?.getItem(key) ?? 'null');
    if (parsed?.version === VERSION && Array.isArray(parsed.messages)) return parsed;
  } catch {
    // A damaged record is dropped: a fresh conversation beats a dead widget.
  }
  return emptyConversation();
}

export function saveConversation(key, conversation, store = defaultStore()) {
  const kept = { ...conversation, messages: conversation.messages.slice(-MAX_MESSAGES) };
  try {
    store?.setItem(key, JSON.stringify(kept));
    return true;
  } catch {
    return false;
  }
}

export function clearConversation(key, store = defaultStore()) {
  try {
    store?.removeItem(key);
  } catch {
    // Nothing stored, nothing to clear.
  }
}
