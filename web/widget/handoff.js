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

const STATUS = {
  connecting: { kind: 'handoff', string: 'handoffConnecting' },
  offline: { kind: 'handoff', string: 'handoffOffline' },
  connected: { kind: 'handoff', string: 'handoffConnected' },
  refused: { kind: 'error', string: 'handoffRefused' },
};

// { kind, text } for the status line, or null when there is nothing to say.
export function handoffStatus(conversation, strings) {
  const state = conversation.mode === 'human' ? conversation.handoff?.state : null;
  const status = STATUS[state];
  if (!status) return null;
  const text = strings[status.string];
  return { kind: status.kind, text: state === 'refused' ? `${text} (${conversation.handoff.error})` : text };
}
