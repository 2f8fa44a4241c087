// Outcome events (docs/metrics.md). The element only notes what happened;
// the recorder that decides outcomes and sends them (recorder.js, built as
// tandem-analytics.js) is fetched on the first note, so pages that never
// chat pay nothing for it, and `analytics="off"` never fetches it at all.
const RECORDER_URL = new URL('./tandem-analytics.js', import.meta.url).href;

// host: { element, mode(), endpoint(), kbUrl(), view(), locale(), emit(type, detail) }
export function createAnalytics(host) {
  let recorder = null;
  let queue = Promise.resolve();
  return (kind, detail = {}) => {
    if (host.mode() === 'off') return;
    queue = queue
      .then(async () => {
        recorder ??= new (await import(RECORDER_URL)).Recorder(host);
        recorder.note(kind, detail);
      })
      .catch(() => {}); // analytics never breaks the chat
  };
}

export function analyticsMode(value) {
  return value === 'off' || value === 'full' ? value : 'anonymous';
}
