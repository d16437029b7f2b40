/* factcards/element — the <fact-cards> custom element class and define(). Hand-kept; these
 * declarations compile with or without the DOM types (the base class is HTMLElement where the DOM
 * is typed). */
import type { Analysis, FactKind } from "./factcards.js";

/** HTMLElement where the program has the DOM types, an empty class otherwise. */
declare const ElementBase: typeof globalThis extends Record<"HTMLElement", infer C> ? C : new () => {};
/** Event where the program has the DOM types (or Node's), an empty object otherwise. */
type BaseEvent = typeof globalThis extends Record<"Event", { prototype: infer E }> ? E : {};

export type FactCardsTheme = "light" | "dark" | "auto";
export type FactCardsState = "idle" | "empty" | "loading" | "analysing" | "ready" | "error";

/**
 * `<fact-cards for="article-id">`: summary and fact cards for an article on the page.
 * Every attribute is also a property: `for`, `lang`, `kinds` ("meeting agreement number quote"),
 * `summary-sentences` (`summarySentences`), `theme`. Events: `factcards-analyzed`
 * ({@link FactCardsAnalyzedDetail}) and `factcards-error` ({@link FactCardsErrorDetail}).
 */
export declare class FactCardsElement extends ElementBase {
  /** Where the .wasm is loaded from; set before the first element becomes visible. */
  static wasmUrl: string | URLLike;
  /** The module worker for long texts (same origin as the page); null: the one next to the element's module. */
  static workerUrl: string | URLLike | null;
  /** Texts longer than this many UTF-16 code units are analysed in the worker. Default 100000. */
  static workerThreshold: number;
  static readonly observedAttributes: string[];
  /** The id of the article element (the `for` attribute; "" when absent). */
  for: string;
  /** Which cards, space-separated (the `kinds` attribute; "" is all). Setting an array joins it. */
  get kinds(): string;
  set kinds(value: string | readonly FactKind[] | null);
  /** The length of the summary (the `summary-sentences` attribute); null is automatic. */
  get summarySentences(): number | null;
  set summarySentences(value: number | null);
  /** The `theme` attribute; "auto" (the default) follows prefers-color-scheme. */
  get theme(): FactCardsTheme;
  set theme(value: FactCardsTheme | null);
  /** The text to analyse; takes precedence over `for=` and slotted content. */
  text: string | null;
  /** The last Analysis, or null. */
  readonly analysis: Analysis | null;
  /** Where the element is: "empty" when there is no text (then nothing was downloaded). */
  readonly state: FactCardsState;
  /** Analyse now, visible or not; resolves with null when there is no text. */
  refresh(): Promise<Analysis | null>;
  /** Render an Analysis computed elsewhere (e.g. by the CLI) without loading the .wasm. */
  show(analysis: Analysis, text?: string): Promise<void>;
  connectedCallback(): void;
  disconnectedCallback(): void;
  attributeChangedCallback(): void;
}

/** A URL object (the global `URL` where it is typed). */
type URLLike = typeof globalThis extends Record<"URL", { prototype: infer U }> ? U : { readonly href: string };

/** A custom element registry: `customElements` where the DOM is typed. */
type Registry = typeof globalThis extends Record<"customElements", infer R> ? R : { define(name: string, constructor: unknown): void; get(name: string): unknown };

/**
 * Registers the element as `tag` (default "fact-cards") in `registry` (default the page's
 * `customElements`); does nothing when the tag is taken or there is no registry (Node).
 * Returns the class registered under the tag.
 */
export declare function define(tag?: string, registry?: Registry): typeof FactCardsElement;

export interface FactCardsAnalyzedDetail {
  analysis: Analysis;
  /** The text that was analysed (the offsets of `analysis` index it). */
  text: string;
  /** Milliseconds from the request to the result, loading included. */
  ms: number;
  /** Whether the analysis ran in the Web Worker. */
  worker: boolean;
}

export interface FactCardsErrorDetail {
  error: unknown;
  message: string;
}

/** The event `factcards-analyzed`: a CustomEvent with {@link FactCardsAnalyzedDetail}. */
export interface FactCardsAnalyzedEvent extends BaseEvent {
  readonly detail: FactCardsAnalyzedDetail;
}

/** The event `factcards-error`: a CustomEvent with {@link FactCardsErrorDetail}. */
export interface FactCardsErrorEvent extends BaseEvent {
  readonly detail: FactCardsErrorDetail;
}

declare global {
  interface HTMLElementTagNameMap {
    "fact-cards": FactCardsElement;
  }
  interface HTMLElementEventMap {
    "factcards-analyzed": FactCardsAnalyzedEvent;
    "factcards-error": FactCardsErrorEvent;
  }
}
