/* factcards/view — what a page needs around the cards: the article's text as a reader sees it,
 * the cards as Markdown, numbers said in the article's language, labels. Hand-kept; these
 * declarations compile with or without the DOM types (DOM parameters are `never` without them). */
import type { Analysis, Meeting, NumberFact, Span } from "./factcards.js";

/** The instance type of a DOM class where the program has the DOM types, `never` otherwise. */
type Dom<K extends string> = typeof globalThis extends Record<K, { prototype: infer T }> ? T : never;

/** Maps offsets of an extracted text back to the DOM (see {@link extractText}). */
export interface TextMap {
  starts: number[];
  nodes: Dom<"Text">[];
  length: number;
}

/**
 * The text of `root` as a reader sees its blocks: paragraphs and headings separated by a blank
 * line, `<br>` as a line break, scripts, styles and hidden elements left out. `map` turns UTF-16
 * offsets of `text` back into DOM positions ({@link rangeOf}).
 */
export function extractText(root: Dom<"Element">): { text: string; map: TextMap };

/** A DOM Range over `span` of a text from {@link extractText}, or null when the page changed since. */
export function rangeOf(map: TextMap | null, span: Span): Dom<"Range"> | null;

/** Highlights `range` in the page (CSS Highlight API, else a <mark>) and scrolls it into view. */
export function highlight(range: Dom<"Range">, doc: Dom<"Document">): void;

/** The cards as Markdown, labelled in the article's language; the article's text is escaped. */
export function toMarkdown(analysis: Analysis): string;

/** A number card's value as the article's language says it, qualifier included: "oltre 80%", "$4.5 billion". */
export function formatNumber(fact: NumberFact, lang?: string): string;

/** The value alone: "4,5 miliardi di dollari", "24 anni", "1995–2023". */
export function numberValue(fact: NumberFact, lang?: string): string;

/** The qualifier alone in the article's language ("oltre", "more than"), or "". */
export function numberQualifier(fact: NumberFact, lang?: string): string;

/** One line for a meeting: "A ↔ B · place · when", and "planned" in `lang` when it is to come. */
export function meetingLine(fact: Meeting, lang?: string): string;

/** The cards' labels in a language ("it", "pt-BR", …), English when factcards has none. */
export function labels(lang?: string | null): Labels;

/** One label, with {n} written the language's way. */
export function label(lang: string | null | undefined, key: keyof Labels, n?: number): string;

export interface Labels {
  cards: string;
  summary: string;
  keyphrases: string;
  meeting: string;
  agreement: string;
  number: string;
  quote: string;
  map: string;
  evidence: string;
  locate: string;
  all: string;
  unattributed: string;
  topics: string;
  count: string;
  read: string;
  none: string;
  analysing: string;
  written: string;
  empty: string;
  one: Record<"meeting" | "agreement" | "number" | "quote", string>;
  types: Record<"summit" | "talks" | "visit" | "call" | "meeting", string>;
  /** What a card says when its meeting or agreement is to come. */
  planned: Record<"meeting" | "agreement", string>;
}

/** People and countries as nodes, meetings and agreements as edges; null below three actors. */
export function actorGraph(analysis: Analysis): ActorGraph | null;

export interface ActorNode {
  key: string;
  name: string;
  kind: string;
  degree: number;
}

export interface ActorGraph {
  nodes: ActorNode[];
  edges: { a: ActorNode; b: ActorNode; kind: "meeting" | "agreement" }[];
}
