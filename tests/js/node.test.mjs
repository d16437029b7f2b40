// The npm module in Node: same Analysis as the CLI, errors as JS Errors, UTF-16 spans.
// Needs ./build.sh first (pkg/factcards.js, pkg/factcards_bg.wasm, target/release/factcards).
import { test, describe, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";
import { join } from "node:path";

const root = fileURLToPath(new URL("../../", import.meta.url));
const pkgJs = join(root, "pkg", "factcards.js");
const pkgWasm = join(root, "pkg", "factcards_bg.wasm");
const cli = join(root, "target", "release", "factcards");
const fixturesDir = join(root, "tests", "fixtures");
const fixtures = readdirSync(fixturesDir).filter((f) => f.endsWith(".txt")).sort();

let fc; // the module

before(async () => {
  for (const f of [pkgJs, pkgWasm]) {
    assert.ok(existsSync(f), `${f} is missing: run ./build.sh first`);
  }
  fc = await import(pathToFileURL(pkgJs).href);
  fc.initSync({ module: readFileSync(pkgWasm) });
});

/** Drop `undefined` properties (serde-wasm-bindgen may emit them; JSON has none). */
const asJson = (value) => JSON.parse(JSON.stringify(value));

function assertSpansIn(text, spans, what) {
  for (const s of spans) {
    assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end), `${what}: integer offsets`);
    assert.ok(0 <= s.start && s.start <= s.end && s.end <= text.length,
      `${what}: span ${s.start}..${s.end} outside 0..${text.length}`);
  }
}

function assertAnalysisShape(a, text) {
  assert.equal(typeof a, "object");
  assert.ok(a !== null && !(a instanceof Map), "analyze returns a plain object");
  assert.equal(a.schemaVersion, 1);
  assert.equal(typeof a.language, "string");
  for (const k of ["summary", "keyphrases", "entities", "facts", "warnings"]) {
    assert.ok(Array.isArray(a[k]), `${k} is an array`);
  }
  for (const k of ["characters", "words", "sentences", "readingMinutes"]) {
    assert.equal(typeof a.stats?.[k], "number", `stats.${k} is a number`);
  }
  assertSpansIn(text, a.summary, "summary");
  for (const e of a.entities) assertSpansIn(text, e.mentions, `mentions of ${e.name}`);
  for (const f of a.facts) {
    assert.ok(["meeting", "agreement", "number", "quote"].includes(f.kind), `fact kind ${f.kind}`);
    assertSpansIn(text, f.evidence, `evidence of a ${f.kind}`);
  }
}

describe("fixtures: npm module and CLI give the same Analysis", () => {
  assert.ok(fixtures.length > 0, "no fixtures found");
  for (const name of fixtures) {
    test(name, () => {
      const file = join(fixturesDir, name);
      const text = readFileSync(file, "utf8");
      const a = fc.analyze(text);
      assertAnalysisShape(a, text);
      assert.equal(typeof a.title, "string");
      assert.ok(a.title.length > 0, "a title");
      assert.ok(a.summary.length > 0, "a non-empty summary");
      for (const s of a.summary) {
        assert.equal(text.slice(s.start, s.end), s.text, "summary span slices to its text");
      }

      assert.ok(existsSync(cli), `${cli} is missing: run ./build.sh first`);
      const out = execFileSync(cli, ["--json", file], { encoding: "utf8", maxBuffer: 64 << 20 });
      assert.deepStrictEqual(asJson(a), JSON.parse(out));
    });
  }
});

describe("edge cases", () => {
  test('analyze("") does not crash', () => {
    let a;
    try {
      a = fc.analyze("");
    } catch (err) {
      assert.ok(err instanceof Error, `throws an Error, not ${Object.prototype.toString.call(err)}`);
      assert.ok(err.message.length > 0, "with a message");
      return;
    }
    assertAnalysisShape(a, "");
    assert.ok(a.warnings.length > 0, "an empty text gives a warning");
  });

  test("an unsupported language throws an Error naming it", () => {
    assert.throws(
      () => fc.analyze("Il presidente ha parlato a Roma.", { language: "xx" }),
      (err) => err instanceof Error && /xx/.test(err.message),
    );
  });

  test("spans are UTF-16 offsets into the original text (emoji, combining accents)", () => {
    const text = "Il presidente 👍🏽 Mario Rossi ha detto: “Ciao e\u0301 bello”.\n\nAltro paragrafo con 50% di dati.";
    const a = fc.analyze(text);
    assertAnalysisShape(a, text);
    assert.ok(a.summary.length > 0, "a summary");
    for (const s of a.summary) {
      assert.equal(text.slice(s.start, s.end), s.text);
    }
  });

  test("lone surrogates do not crash", () => {
    const text = "abc \ud800 def";
    try {
      assertAnalysisShape(fc.analyze(text), text);
    } catch (err) {
      assert.ok(err instanceof Error && err.message.length > 0, `throws an Error with a message: ${err}`);
    }
  });

  test("options: summarySentences, kinds, maxChars", () => {
    const text = readFileSync(join(fixturesDir, fixtures[0]), "utf8");
    const two = fc.analyze(text, { summarySentences: 2 });
    assert.ok(two.summary.length >= 1 && two.summary.length <= 2, `summary of ${two.summary.length}`);
    const quotes = fc.analyze(text, { kinds: ["quote"] });
    assert.ok(quotes.facts.every((f) => f.kind === "quote"), "only quotes");
    const cut = fc.analyze(text, { maxChars: 500 });
    assertAnalysisShape(cut, text);
    assert.ok(cut.warnings.length > 0, "truncation gives a warning");
  });

  test("languages: ready() loads the one a text needs; the widget labels each one the core knows", async () => {
    assert.equal(await fc.ready("Der Präsident sagte, dass die Zusammenarbeit mit dem Land sehr wichtig ist."), "de");
    assert.ok(fc.loaded("de"));
    assert.equal(await fc.ready("", { language: "pt" }), "pt");
    await assert.rejects(fc.ready("x", { language: "xx" }), /xx/);
    const { LABELS, LANGUAGES } = await import(pathToFileURL(join(root, "pkg", "factcards-labels.js")).href);
    const view = await import(pathToFileURL(join(root, "pkg", "fact-cards-view.js")).href);
    assert.deepEqual(LANGUAGES, fc.languages());
    // The hand-kept types name the same languages (a new data/<lang>/ folder fails here until they do).
    const dts = readFileSync(join(root, "pkg", "factcards.d.ts"), "utf8");
    const union = dts.match(/export type LanguageCode = ([^;]+);/)[1].match(/"(\w+)"/g).map((c) => c.slice(1, -1));
    assert.deepEqual(union.sort(), [...fc.languages()].sort(), "LanguageCode in factcards.d.ts");
    const keys = (o) => Object.entries(o).map(([k, v]) => (typeof v === "object" ? `${k}{${keys(v)}}` : k)).sort().join();
    for (const code of fc.languages()) {
      assert.equal(view.labels(code), LABELS[code], `${code} has labels of its own`);
      assert.equal(keys(LABELS[code]), keys(LABELS.en), `${code} labels everything`);
    }
  });

  test("the module still works after the edge cases", () => {
    const text = readFileSync(join(fixturesDir, fixtures[0]), "utf8");
    assert.ok(fc.analyze(text).summary.length > 0);
    assert.match(fc.version(), /^\d+\.\d+\.\d+/);
  });
});

describe("the cards say numbers the article's way (factcards/view)", () => {
  test("every case of tests/number_words.tsv, the table src/render.rs passes too", async () => {
    const view = await import(pathToFileURL(join(root, "pkg", "fact-cards-view.js")).href);
    const lines = readFileSync(join(root, "tests", "number_words.tsv"), "utf8").split("\n").filter((l) => l && !l.startsWith("#"));
    assert.ok(lines.length > 20);
    for (const line of lines) {
      const [lang, category, value, unit, range, qualifier, want] = line.split("\t");
      const fact = { kind: "number", category, value: Number(value), unit: unit || undefined,
        range: range ? range.split("-").map(Number) : undefined, qualifier: qualifier || undefined };
      assert.equal(view.formatNumber(fact, lang), want, line);
    }
  });

  test("pkg/fact-cards-words*.js are what tools/gen_words.mjs makes of data/<lang>/render_words.txt", async () => {
    const { generate } = await import(pathToFileURL(join(root, "tools", "gen_words.mjs")).href);
    const files = generate();
    assert.ok("fact-cards-words.js" in files && "fact-cards-languages.js" in files);
    for (const [f, text] of Object.entries(files)) assert.equal(readFileSync(join(root, "pkg", f), "utf8"), text, f);
  });

  test("each language's module (what <fact-cards> loads) holds its words and build.rs's labels", async () => {
    const { WORDS } = await import(pathToFileURL(join(root, "pkg", "fact-cards-words.js")).href);
    const { LABELS, LANGUAGES } = await import(pathToFileURL(join(root, "pkg", "factcards-labels.js")).href);
    const { MODULES } = await import(pathToFileURL(join(root, "pkg", "fact-cards-languages.js")).href);
    assert.deepEqual(Object.keys(MODULES).sort(), [...LANGUAGES].sort());
    for (const code of LANGUAGES) {
      const one = await MODULES[code]();
      assert.deepEqual(one.WORDS, WORDS[code], `${code} words`);
      assert.deepEqual(one.LABELS, LABELS[code], `${code} labels`);
    }
  });
});
