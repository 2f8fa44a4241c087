// Pure helpers of the handoff: what the page adds to the bundle the core
// builds, and what the panel says about the delivery.

// 96 random bits: ids must be unique across every widget sending to one desk.
export function bundleId(random = (bytes) => globalThis.crypto.getRandomValues(bytes)) {
  const bytes = random(new Uint8Array(12));
  return `h_${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

// Only what the page itself says; the core cuts over-long fields.
export function bundleInput(doc, locale, now = Date.now()) {
  return {
    id: bundleId(),
    created_at_ms: now,
    page: {
      url: doc.location?.href ?? '',
      title: doc.title ?? '',
      locale,
      user_agent: globalThis.navigator?.userAgent ?? '',
    },
    customer: {},
  };
}

// One status line for the whole handoff, from the stored record (person-line.js):
// each state says only what is known (a person "joined" once the desk says
// an agent opened or answered the conversation).
const DELIVERY = {
  connecting: { kind: 'handoff', string: 'handoffConnecting' },
  offline: { kind: 'handoff', string: 'handoffOffline', unsaved: true },
  failed: { kind: 'error', string: 'handoffFailed', unsaved: true, retry: true, contact: true },
  refused: { kind: 'error', string: 'handoffRefused', contact: true, error: true },
};
// Once delivered: what the desk says an agent did.
const DESK = {
  queued: { kind: 'handoff', string: 'handoffQueued' },
  seen: { kind: 'handoff', string: 'handoffSeen' },
  answered: { kind: 'handoff', string: 'handoffAnswered' },
};

// { kind, text, retry, contact } for the status line, or null when there is
// nothing to say; contact: the site's own route to a person, if it gave one.
export function handoffStatus(conversation, strings, contact) {
  const handoff = conversation.mode === 'human' ? conversation.handoff : null;
  const status = handoff?.state === 'connected' ? DESK[handoff.desk ?? 'queued'] : DELIVERY[handoff?.state];
  if (!status) return null;
  let text = strings[status.string];
  // Storage full or blocked: the request lives only as long as the page.
  if (status.unsaved && handoff.saved === false) text = `${text} ${strings.keepOpen}`;
  if (status.error && handoff.error) text = `${text} (${handoff.error})`;
  return { kind: status.kind, text, retry: Boolean(status.retry), contact: status.contact ? (contact ?? strings.contactFallback) : '' };
}
