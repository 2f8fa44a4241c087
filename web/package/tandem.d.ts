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

export interface TandemChatEventMap {
  'tandem:ready': CustomEvent<Record<string, never>>;
  'tandem:reply': CustomEvent<TandemDecision>;
  'tandem:handoff': CustomEvent<TandemHandoffBundle>;
  'tandem:agent-message': CustomEvent<TandemAgentMessage>;
  'tandem:error': CustomEvent<TandemErrorDetail>;
  'tandem:neural': CustomEvent<TandemNeuralDetail>;
  'tandem:outcome': CustomEvent<TandemOutcomeEvent>;
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
