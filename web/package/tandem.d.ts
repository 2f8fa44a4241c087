// Types for the <tandem-chat> element (docs/embedding.md). Importing the
// package defines the element; these describe its public API and events.

/** The engine's decision about one customer message (`tandem ask` prints the same object). */
export interface TandemDecision {
  action: 'answer' | 'clarify' | 'collect' | 'handoff' | 'fallback';
  intent: string | null;
  confidence: number | null;
  reply: string;
  reason?: string;
  candidates: Array<{ id: string; kind: 'intent' | 'faq'; confidence: number }>;
  [key: string]: unknown;
}

/** The context bundle handed to a person (docs/handoff-bundle.md), already redacted. */
export interface TandemHandoffBundle {
  id: string;
  decision: TandemDecision;
  transcript: Array<{ role: string; text: string; [key: string]: unknown }>;
  [key: string]: unknown;
}

export interface TandemAgentMessage {
  id: string;
  role: 'agent';
  text: string;
  time: number | string;
}

export type TandemLoadErrorKind = 'model-missing' | 'model-corrupt' | 'engine' | 'integrity' | 'handoff';

export interface TandemErrorDetail {
  kind: TandemLoadErrorKind;
  message: string;
}

export type TandemNeuralDetail = { state: 'ready'; ms: number } | { state: 'off'; reason: string };

/** An outcome event (schema tandem.events/1, docs/metrics.md): never any message text but a
 * full-mode fallback's redacted question. */
export interface TandemOutcomeEvent {
  id: string;
  conversation: string;
  /** RFC 3339 time. */
  time: string;
  type: string;
  [field: string]: unknown;
}

/** What identify() takes: a token, a way to get a fresh one, or both. */
export interface TandemCustomer {
  token?: string;
  getToken?: () => string | Promise<string>;
}

/** An after-sales notice from the site (docs/embedding.md, "After-sales notices"). */
export interface TandemNotice {
  /** Unique per notice (at most 64 characters): a repeated id is ignored, also after a reload. */
  id: string;
  /** What it is about, e.g. shipment_delayed, instalment_due, refund_sent (at most 40). */
  kind: string;
  /** At most 120 characters. */
  title: string;
  /** Plain text, at most 600 characters. */
  text: string;
  /** The order it is about: opening the notice makes it a known detail of the conversation. */
  order_id?: string | null;
}

export interface TandemNoticeDetail {
  id: string;
  action: 'shown' | 'opened' | 'dismissed';
}

export interface TandemChatEventMap {
  'tandem:ready': CustomEvent<Record<string, never>>;
  'tandem:reply': CustomEvent<TandemDecision>;
  'tandem:handoff': CustomEvent<TandemHandoffBundle>;
  'tandem:agent-message': CustomEvent<TandemAgentMessage>;
  'tandem:error': CustomEvent<TandemErrorDetail>;
  'tandem:neural': CustomEvent<TandemNeuralDetail>;
  'tandem:outcome': CustomEvent<TandemOutcomeEvent>;
  'tandem:notice': CustomEvent<TandemNoticeDetail>;
}

/** File name -> Subresource Integrity hash, e.g. the package's integrity.json. */
export type TandemIntegrity = Record<string, string>;

export declare class TandemChat extends HTMLElement {
  static readonly observedAttributes: string[];
  /** Whether the panel is open. */
  readonly isOpen: boolean;
  /** Opens the panel and starts loading the engine. */
  open(): void;
  close(): void;
  /** Resolves to the engine's decision; rejects on an empty message or when the engine cannot load. */
  send(text: string): Promise<TandemDecision>;
  /** Forgets the stored conversation. */
  clear(): void;
  /** Leaves the conversation with a person; the assistant answers again. */
  returnToBot(): Promise<void>;
  /** Queues an after-sales notice: true when it will show, false for a duplicate or past the cap
   * (3 at once); rejects with a TypeError on a malformed notice. Held while a person has the conversation. */
  notify(notice: TandemNotice): Promise<boolean>;
  /** The site's signed-in customer (docs/actions.md): a short-lived token the site signs, kept in
   * memory only and sent as `Authorization: Bearer` only to the knowledge base's action hosts, for
   * actions that need a customer; `getToken` is called once when a call answers 401. null signs out. */
  identify(customer: TandemCustomer | null): void;
  addEventListener<K extends keyof TandemChatEventMap>(
    type: K,
    listener: (this: TandemChat, event: TandemChatEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof TandemChatEventMap>(
    type: K,
    listener: (this: TandemChat, event: TandemChatEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-chat': TandemChat;
  }
}
