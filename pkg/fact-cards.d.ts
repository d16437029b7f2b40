/* factcards/element — the <fact-cards> custom element. Hand-kept. */
import type { Analysis } from "./factcards.js";

/**
 * `<fact-cards for="article-id">`: summary and fact cards for an article on the page.
 * Attributes: `for`, `lang`, `kinds` ("meeting agreement number quote"), `summary-sentences`,
 * `theme` ("light" | "dark" | "auto"). Events: `factcards:ready` ({@link FactCardsReadyDetail}),
 * `factcards:error` ({@link FactCardsErrorDetail}).
 */
export declare class FactCardsElement extends HTMLElement {
  /** Where the .wasm is loaded from; set before the first element becomes visible. */
  static wasmUrl: string | URL;
  /** The module worker used for long texts (same origin as the page). */
  static workerUrl: string | URL;
  /** Texts longer than this many UTF-16 code units are analysed in the worker. Default 100000. */
  static workerThreshold: number;
  /** The text to analyse; takes precedence over `for=` and slotted content. */
  text: string | null;
  /** The last Analysis, or null. */
  readonly analysis: Analysis | null;
  /** Analyse now, visible or not. */
  refresh(): Promise<Analysis>;
  /** Render an Analysis computed elsewhere (e.g. by the CLI) without loading the .wasm. */
  show(analysis: Analysis, text?: string): Promise<void>;
}

export interface FactCardsReadyDetail {
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

declare global {
  interface HTMLElementTagNameMap {
    "fact-cards": FactCardsElement;
  }
  interface HTMLElementEventMap {
    "factcards:ready": CustomEvent<FactCardsReadyDetail>;
    "factcards:error": CustomEvent<FactCardsErrorDetail>;
  }
}
