/* factcards — TypeScript declarations for the WebAssembly module (Analysis schema version 1).
 * Hand-kept: keep in step with the Rust types and docs/analysis contract. */

/** ISO 639-1 language codes factcards has lexicons for. Other strings are rejected with an Error. */
export type LanguageCode = "it" | "en" | "es" | "fr" | "de" | "pt";

/** The result of {@link analyze}. The same JSON shape the CLI prints with `factcards --json`. */
export interface Analysis {
  schemaVersion: 1;
  /** ISO 639-1 code of the detected (or forced) language: "it", "en", ... */
  language: string;
  /** 0..1 */
  languageConfidence: number;
  /** The headline, when the text starts with one. */
  title: string | null;
  /** The extractive summary, in document order. */
  summary: SummarySentence[];
  /** 5–8 key phrases of the article, most important first. */
  keyphrases: string[];
  /** Most salient first; one per real-world thing, aliases merged. */
  entities: Entity[];
  /** Fact cards, most important first. */
  facts: Fact[];
  stats: Stats;
  /** E.g. "input truncated at 1000000 characters". */
  warnings: string[];
}

/**
 * A range of the ORIGINAL input string, in UTF-16 code units (what JS string indices count):
 * `text.slice(span.start, span.end)`.
 */
export interface Span {
  start: number;
  end: number;
}

export interface SummarySentence extends Span {
  text: string;
  /** Index of the sentence in the document. */
  index: number;
  score: number;
}

export type EntityKind = "person" | "organization" | "country" | "place" | "other";

export interface Entity {
  /** Stable within one Analysis, e.g. "e3". */
  id: string;
  /** The fullest form used in the text: "Vladimir Putin". */
  name: string;
  kind: EntityKind;
  /** Other forms in the text: ["Putin", "il presidente russo"]. */
  aliases: string[];
  /** "presidente", "leader" when the text says so. */
  role?: string;
  /** The country a person or place belongs to / stands for. */
  country?: string;
  mentions: Span[];
  /** 0..1 */
  salience: number;
}

/** A reference to an entity (`id` when it is one of `Analysis.entities`) or a description. */
export interface EntityRef {
  id?: string;
  name: string;
}

export type FactKind = "meeting" | "agreement" | "number" | "quote";

export type Fact = Meeting | Agreement | NumberFact | Quote;

export interface FactBase {
  /** The sentence(s) the fact was read from. */
  evidence: Span[];
  /** 0..1 */
  confidence: number;
}

export type MeetingType = "summit" | "talks" | "visit" | "call" | "meeting";

export interface Meeting extends FactBase {
  kind: "meeting";
  /** Who met whom (a visit to a place: the visitor, and the host if known). */
  participants: EntityRef[];
  type?: MeetingType;
  place?: string;
  /** As written: "giovedì", "on Wednesday", "in September". */
  when?: string;
  /** Absent: held. "planned": announced or scheduled. Refused, cancelled, denied or hypothetical encounters are no card. */
  status?: "held" | "planned";
}

export interface Agreement extends FactBase {
  kind: "agreement";
  parties: EntityRef[];
  /** "patto di mutua difesa", "a dozen cooperation agreements". */
  title: string;
  /** ["istruzione", "giustizia", "progetti nucleari civili"]. */
  topics: string[];
  /** 12 for "una dozzina di accordi". */
  count?: number;
  when?: string;
  /** Absent: signed or reached. "planned": to be signed. Proposals, talks under way and rejected deals are no card. */
  status?: "signed" | "planned";
}

export type NumberCategory =
  | "money"
  | "percent"
  | "count"
  | "year"
  | "range"
  | "duration"
  | "date"
  | "quantity";

export interface NumberFact extends FactBase {
  kind: "number";
  /** As written: "50 miliardi di dollari". */
  text: string;
  /** 50000000000 */
  value: number;
  /** ISO 4217 for money ("USD"), "%" for percent, "year", "people", ... */
  unit?: string;
  category: NumberCategory;
  /** "more than", "about", "at least", "up to", ... when the text qualifies the value. */
  qualifier?: string;
  /** What the number measures: "prestito a Kiev". */
  about: string;
  /** For "tra il 1995 e il 2023". */
  range?: [number, number];
  /** Where the number itself is in the input. */
  span: Span;
}

export interface Quote extends FactBase {
  kind: "quote";
  /** The words inside the quotation marks. */
  text: string;
  /** Who said it; may be a description: "un alto funzionario ucraino". */
  speaker?: EntityRef;
  /** Where the quoted words are in the input. */
  span: Span;
}

export interface Stats {
  characters: number;
  words: number;
  sentences: number;
  readingMinutes: number;
}

export interface AnalyzeOptions {
  /** Force a language (ISO 639-1). Default: detect. An unsupported code throws an Error. */
  language?: LanguageCode | (string & {});
  /** Length of the summary. Default: 3 for a news article, more for long text. */
  summarySentences?: number;
  /** Which fact kinds to extract. Default: all. */
  kinds?: FactKind[];
  /** A word budget for the summary: sentences are added while they fit. Default: none. */
  maxWords?: number;
  /** Longer input is truncated with a warning (never a crash). Default: 1,000,000. */
  maxChars?: number;
}

/**
 * The instance type of a global class when the program's libraries declare it (`lib: ["dom"]`,
 * `@types/node`), `never` otherwise: these declarations compile with or without the DOM types.
 */
type GlobalInstance<K extends string> = typeof globalThis extends Record<K, { prototype: infer T }> ? T : never;
/** `WebAssembly.Module` where the environment's types have it. */
type WasmModule = typeof globalThis extends { WebAssembly: { Module: { prototype: infer M } } } ? M : never;
type Bytes = ArrayBuffer | ArrayBufferView;

/** Where the .wasm is: a URL (string or `URL`), a `Request` or `Response`, the bytes, or a compiled module. */
export type InitInput = string | GlobalInstance<"URL"> | GlobalInstance<"Request"> | GlobalInstance<"Response"> | Bytes | WasmModule;
/** The .wasm bytes or a compiled `WebAssembly.Module`. */
export type SyncInitInput = Bytes | WasmModule;

export interface InitOptions {
  /** The .wasm (default: `factcards_bg.wasm` next to `factcards.js`). */
  module_or_path?: InitInput | Promise<InitInput>;
  /** Languages whose data to load now (`factcards-<lang>.bin`). Default: "all". With `[]`,
   * `await ready(text)` before `analyze(text)` loads only the text's language. */
  languages?: "all" | LanguageCode[];
  /** Where the language files are. Default: next to the .wasm when it is given as a URL, else
   * next to `factcards.js`. */
  dataUrl?: string | GlobalInstance<"URL">;
}

/**
 * Load and instantiate the WebAssembly module, then the data of `languages` (default: all).
 * Must be awaited (or {@link initSync} called) before {@link analyze}.
 */
export default function init(options?: InitOptions | InitInput | Promise<InitInput>): Promise<unknown>;

/** Instantiate synchronously from the wasm bytes or a compiled module (e.g. in Node).
 * `languages`: the bytes of language files by code; in Node, codes to read from disk. */
export function initSync(
  module:
    | { module: SyncInitInput; languages?: "all" | LanguageCode[] | Record<string, Bytes> }
    | SyncInitInput,
): unknown;

/**
 * Load the data `analyze(text, options)` needs: the file of the language the text is in (or
 * `options.language`), fetched once. Resolves to the language code. Throws like `analyze` for
 * invalid options.
 */
export function ready(text: string, options?: AnalyzeOptions): Promise<LanguageCode>;

/** The languages factcards knows, in the order language detection breaks ties. */
export function languages(): LanguageCode[];

/** Whether a language's data is loaded. */
export function loaded(language: string): boolean;

/**
 * Analyze a text. Throws an `Error` for invalid options (e.g. an unsupported language), or when
 * the data of the text's language is not loaded (see {@link init} and {@link ready}; the Node
 * entry has every language).
 * Span offsets are UTF-16 code units into `text`.
 */
export function analyze(text: string, options?: AnalyzeOptions): Analysis;

/** The factcards version, e.g. "0.1.0". */
export function version(): string;
