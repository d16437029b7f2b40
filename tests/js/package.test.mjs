// The npm package as a user gets it: `npm pack` of pkg/, installed from the tarball (offline) into a
// fresh project. Node 20 imports; TypeScript consumers under moduleResolution bundler and node16,
// with and without the DOM types; the page's app.js type-checked against the public entries only;
// the element's manifest; and two tiny apps, bundled with Vite and with esbuild, run in Chromium,
// where a long article is analysed in the worker. Needs ./build.sh first.
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gotoReady, launch, root, serve, skipBrowser } from "./harness.mjs";

const npm = (args, cwd) => execFileSync("npm", [...args, "--no-audit", "--no-fund", "--loglevel=error"],
  { cwd, encoding: "utf8", env: { ...process.env, npm_config_update_notifier: "false" } });

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; worker-src 'self'";

/** An English article of more than 110,000 characters: long enough for the worker. */
function longArticle() {
  const base = readFileSync(join(root, "tests/fixtures/en-putin-vietnam.txt"), "utf8");
  let text = base;
  while (text.length < 110_000) text += `\n\n${base.split("\n").slice(2).join("\n")}`;
  return text;
}

/** Writes `files` ({ path: content }) under `dir`. */
function write(dir, files) {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
}

describe("the npm package, packed and installed", () => {
  let dir, tarball, project, installed;

  before(() => {
    for (const f of ["pkg/factcards.js", "pkg/factcards_bg.wasm", "pkg/LICENSE-MIT"]) {
      assert.ok(existsSync(join(root, f)), `${f} is missing: run ./build.sh first`);
    }
    dir = mkdtempSync(join(tmpdir(), "factcards-pack-"));
    const packed = JSON.parse(npm(["pack", join(root, "pkg"), "--json", "--pack-destination", dir], dir));
    tarball = join(dir, packed[0].filename);
    project = join(dir, "app");
    mkdirSync(project);
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "app", private: true, type: "module" }));
    npm(["install", tarball, "--offline", "--cache", join(dir, "npm-cache")], project);
    installed = join(project, "node_modules", "factcards");
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test("the tarball holds the module, the .wasm, the element, the view, the worker, the types, the manifest and both licenses", () => {
    assert.match(tarball, /factcards-0\.1\.0\.tgz$/);
    const files = readdirSync(installed).sort();
    for (const f of ["README.md", "LICENSE-MIT", "LICENSE-APACHE", "custom-elements.json", "package.json",
      "factcards.js", "factcards_bg.wasm", "factcards.d.ts", "factcards_bg.wasm.d.ts", "node.js",
      "fact-cards.js", "fact-cards.d.ts", "fact-cards-element.js", "fact-cards-element.d.ts",
      "fact-cards-view.js", "fact-cards-view.d.ts", "fact-cards-words.js", "fact-cards-worker.js", "fact-cards-worker.d.ts",
      "fact-cards-render.js", "fact-cards-languages.js", "fact-cards-words-en.js", "fact-cards-words-it.js",
      "factcards_core.js", "factcards-files.js", "factcards-labels.js", "factcards-en.bin", "factcards-it.bin"]) {
      assert.ok(files.includes(f), `${f} in the package (${files.join(", ")})`);
    }
    for (const f of ["LICENSE-MIT", "LICENSE-APACHE"]) {
      assert.equal(readFileSync(join(installed, f), "utf8"), readFileSync(join(root, f), "utf8"), `${f} is the repository's`);
    }
    const pkg = JSON.parse(readFileSync(join(installed, "package.json"), "utf8"));
    assert.equal(pkg.license, "MIT OR Apache-2.0");
    assert.equal(pkg.browser, undefined, "no top-level browser field: exports say it");
    for (const [path, target] of Object.entries(pkg.exports)) {
      if (typeof target === "object") assert.ok(target.types, `${path} has types`);
    }
  });

  test("custom-elements.json is referenced from package.json and matches the element", async () => {
    const pkg = JSON.parse(readFileSync(join(installed, "package.json"), "utf8"));
    assert.equal(pkg.customElements, "./custom-elements.json");
    const manifest = JSON.parse(readFileSync(join(installed, pkg.customElements), "utf8"));
    const classes = manifest.modules.flatMap((m) => m.declarations).filter((d) => d.customElement);
    assert.equal(classes.length, 1);
    const [el] = classes;
    assert.equal(el.tagName, "fact-cards");
    const { FactCardsElement } = await import(join(installed, "fact-cards-element.js"));
    const attributes = el.attributes.map((a) => a.name).sort();
    assert.deepEqual(attributes, [...FactCardsElement.observedAttributes, "theme"].sort(), "every observed attribute (and theme, read by CSS)");
    for (const a of el.attributes) {
      if (a.name === "lang") continue; // HTMLElement's own property
      assert.ok(Object.getOwnPropertyDescriptor(FactCardsElement.prototype, a.fieldName)?.set, `a ${a.fieldName} property for ${a.name}`);
    }
    const events = el.events.map((e) => e.name).sort();
    assert.deepEqual(events, ["factcards-analyzed", "factcards-error"]);
    for (const e of events) assert.match(e, /^[a-z]+(-[a-z]+)+$/, "lower case with a hyphen, no colon: binds in React 19 and Vue templates");
    const source = readFileSync(join(installed, "fact-cards-element.js"), "utf8");
    for (const e of events) assert.ok(source.includes(`"${e}"`), `the element dispatches ${e}`);
    const definition = manifest.modules.find((m) => m.path === "fact-cards.js").exports.find((x) => x.kind === "custom-element-definition");
    assert.deepEqual(definition, { kind: "custom-element-definition", name: "fact-cards", declaration: { name: "FactCardsElement", module: "fact-cards-element.js" } });
  });

  test('Node 20: import { analyze } from "factcards" works without init(); the element entry defines nothing', () => {
    const script = `
      import { analyze, version } from "factcards";
      import * as element from "factcards/element";
      import * as view from "factcards/view";
      const a = analyze(process.argv[1]);
      const money = a.facts.find((f) => f.kind === "number" && f.unit === "USD");
      console.log(JSON.stringify({ language: a.language, summary: a.summary.length, title: a.title,
        version: version(), element: typeof element.FactCardsElement, define: element.define("x-cards"),
        money: view.formatNumber(money, a.language), markdown: view.toMarkdown(a).split("\\n")[0] }));`;
    const text = readFileSync(join(root, "tests/fixtures/it-putin-vietnam.txt"), "utf8");
    const out = JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", script, text],
      { cwd: project, encoding: "utf8" }));
    assert.equal(out.language, "it");
    assert.ok(out.summary > 0);
    assert.match(out.title, /^Russia e Vietnam/);
    assert.match(out.version, /^\d+\.\d+\.\d+/);
    assert.equal(out.element, "function");
    assert.equal(out.define, undefined, "define() without a registry (Node) registers nothing and returns the class (not JSON)");
    assert.equal(out.money, "50 miliardi di dollari", "the view says numbers the article's way");
    assert.match(out.markdown, /^# Russia e Vietnam/);
  });

  test("Node: the browser entry also works with init() given the .wasm bytes", () => {
    const script = `
      import { readFileSync } from "node:fs";
      import init, { analyze } from "factcards/factcards.js";
      await init({ module_or_path: readFileSync(new URL(import.meta.resolve("factcards/factcards_bg.wasm"))) });
      console.log(analyze("Il presidente ha parlato a Roma. Poi è partito.").language);`;
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], { cwd: project, encoding: "utf8" });
    assert.equal(out.trim(), "it");
  });

  describe("TypeScript consumers", () => {
    // Uses every public entry; compiles with or without the DOM types.
    const CORE = `
      import init, { analyze, initSync, version, type Analysis, type AnalyzeOptions, type NumberFact } from "factcards";
      import { formatNumber, numberValue, numberQualifier, toMarkdown, labels, label, meetingLine, actorGraph } from "factcards/view";
      import { define, type FactCardsAnalyzedDetail, type FactCardsElement, type FactCardsState } from "factcards/element";
      import wasmUrl from "factcards/factcards_bg.wasm";
      import "factcards/worker";
      const options: AnalyzeOptions = { language: "it", summarySentences: 3, maxWords: 80, maxChars: 10_000, kinds: ["number", "meeting"] };
      const a: Analysis = analyze("Il governo ha stanziato 50 milioni di euro.", options);
      const n = a.facts.find((f): f is NumberFact => f.kind === "number");
      const said: string = n ? formatNumber(n, a.language) + numberValue(n) + numberQualifier(n, "it") : "";
      const meetings: string[] = a.facts.flatMap((f) => (f.kind === "meeting" ? [meetingLine(f)] : []));
      const md: string = toMarkdown(a) + labels("it").summary + label("it", "analysing", 3);
      const nodes = actorGraph(a)?.nodes.length ?? 0;
      const url: string = wasmUrl;
      void init({ module_or_path: url });
      initSync({ module: new Uint8Array(0) });
      const v: string = version();
      const detail: FactCardsAnalyzedDetail | null = null;
      const state: FactCardsState = "empty";
      const element: FactCardsElement | null = null;
      const defined = define;
      export { said, meetings, md, nodes, v, detail, state, element, defined };
    `;
    // What a page does with the element: properties, typed events, the view's DOM helpers.
    const DOM = `
      import { FactCardsElement, define } from "factcards/element";
      import "factcards/fact-cards.js";
      import { extractText, rangeOf, highlight } from "factcards/view";
      import type { Analysis } from "factcards";
      define("my-cards");
      const el = document.createElement("fact-cards");
      el.lang = "it";
      el.kinds = ["quote", "number"];
      el.kinds = "meeting agreement";
      el.summarySentences = 3;
      el.theme = "dark";
      el.for = "story";
      el.text = "…";
      const state: "idle" | "empty" | "loading" | "analysing" | "ready" | "error" = el.state;
      el.addEventListener("factcards-analyzed", (e) => { const inWorker: boolean = e.detail.worker; console.log(e.detail.analysis.language, inWorker); });
      el.addEventListener("factcards-error", (e) => console.error(e.detail.message));
      FactCardsElement.wasmUrl = new URL("/factcards_bg.wasm", location.href);
      FactCardsElement.workerUrl = null;
      const done: Promise<Analysis | null> = el.refresh();
      const { text, map } = extractText(document.body);
      const range = rangeOf(map, { start: 0, end: 1 });
      if (range) highlight(range, document);
      export { state, done, text };
    `;
    const configs = [];
    for (const resolution of ["bundler", "node16"]) {
      for (const dom of [true, false]) configs.push({ resolution, dom });
    }

    before(() => {
      write(project, { "types/core.ts": CORE, "types/dom.ts": DOM });
      for (const { resolution, dom } of configs) {
        const compilerOptions = {
          strict: true, noEmit: true, skipLibCheck: false, target: "es2022", types: [],
          module: resolution === "bundler" ? "esnext" : "node16", moduleResolution: resolution,
          lib: dom ? ["es2022", "dom"] : ["es2022"],
        };
        const files = dom ? ["types/core.ts", "types/dom.ts"] : ["types/core.ts"];
        write(project, { [`tsconfig.${resolution}.${dom ? "dom" : "nodom"}.json`]: JSON.stringify({ compilerOptions, files }) });
      }
    });

    for (const [name, tsc] of [["TypeScript 5.9", "typescript/bin/tsc"], ["TypeScript 7", "typescript-7/bin/tsc"]]) {
      test(`${name}: tsc --noEmit under bundler and node16, with and without the DOM lib, skipLibCheck off`, () => {
        for (const { resolution, dom } of configs) {
          const config = `tsconfig.${resolution}.${dom ? "dom" : "nodom"}.json`;
          try {
            execFileSync(process.execPath, [join(root, "node_modules", tsc), "-p", config], { cwd: project, encoding: "utf8" });
          } catch (err) {
            assert.fail(`${config}:\n${err.stdout}${err.stderr}`);
          }
        }
      });
    }

    test("the page's app.js type-checks against the package's public entries alone", () => {
      write(project, {
        "www/app.js": readFileSync(join(root, "www/app.js"), "utf8"),
        "tsconfig.www.json": JSON.stringify({
          compilerOptions: { strict: true, noEmit: true, allowJs: true, checkJs: true, skipLibCheck: false, types: [],
            target: "es2022", module: "esnext", moduleResolution: "bundler", lib: ["es2022", "dom", "dom.iterable"] },
          files: ["www/app.js"],
        }),
      });
      try {
        execFileSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.www.json"], { cwd: project, encoding: "utf8" });
      } catch (err) {
        assert.fail(`www/app.js:\n${err.stdout}${err.stderr}`);
      }
      const imports = [...readFileSync(join(root, "www/app.js"), "utf8").matchAll(/(?:import\(|from |import )"([^"]+)"/g)].map((m) => m[1]);
      assert.ok(imports.length > 0 && imports.every((s) => /^factcards(\/|$)/.test(s)), `only package entries: ${imports}`);
    });
  });

  describe("tiny apps bundled with Vite and with esbuild, in Chromium", { skip: skipBrowser }, () => {
    let chrome;
    const apps = {}; // name → { server }

    // The element, registered through the class-only entry, given a long article.
    const MAIN = (wasmImport) => `
      import { define } from "factcards/element";
      import { article } from "./article.js";
      ${wasmImport}
      define();
      document.querySelector("fact-cards").text = article;
    `;
    const HTML = (script) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>app</title>
      <link rel="icon" href="data:,">${script}</head><body><main><fact-cards></fact-cards></main></body></html>`;

    before(async () => {
      const article = `export const article = ${JSON.stringify(longArticle())};\n`;

      // Vite: the worker is found by its new URL(…, import.meta.url) and bundled; the .wasm is an asset.
      const vite = join(project, "vite-app");
      write(vite, {
        "index.html": HTML(`<script type="module" src="/src/main.js"></script>`),
        "src/main.js": MAIN(""),
        "src/article.js": article,
      });
      const { build: viteBuild } = await import("vite");
      await viteBuild({ root: vite, logLevel: "error", configFile: false, build: { outDir: join(vite, "dist"), emptyOutDir: true } });

      // esbuild: the worker is a second entry point next to the bundle; the .wasm a file.
      const esb = join(project, "esbuild-app");
      write(esb, {
        "dist/index.html": HTML(`<script type="module" src="/main.js"></script>`),
        "src/main.js": MAIN(`import wasmUrl from "factcards/factcards_bg.wasm";
          import { FactCardsElement } from "factcards/element";
          FactCardsElement.wasmUrl = wasmUrl;`),
        "src/article.js": article,
      });
      const { build } = await import("esbuild");
      await build({
        entryPoints: [join(esb, "src/main.js"), { in: "factcards/worker", out: "fact-cards-worker" }],
        bundle: true, format: "esm", platform: "browser", target: "es2022", outdir: join(esb, "dist"),
        loader: { ".wasm": "file" }, publicPath: "/", absWorkingDir: project, logLevel: "error",
      });
      // esbuild does not follow new URL(…, import.meta.url): the language files are deployed next to
      // the bundle, as a site would (Vite finds them in factcards-labels.js and ships them).
      for (const f of readdirSync(installed).filter((f) => f.endsWith(".bin"))) {
        copyFileSync(join(installed, f), join(esb, "dist", f));
      }

      for (const [name, path] of [["vite", vite], ["esbuild", esb]]) {
        apps[name] = await serve(join(path, "dist"), { headers: () => ({ "content-security-policy": CSP }) });
      }
      chrome = await launch();
    });

    after(async () => {
      await chrome?.close();
      for (const app of Object.values(apps)) await app.close();
    });

    for (const name of ["vite", "esbuild"]) {
      test(`${name}: a 110,000-character article is analysed in the worker, no console errors`, async () => {
        const app = apps[name];
        const page = await chrome.newPage();
        const warnings = [];
        page.on("console", (m) => { if (m.type() === "warning") warnings.push(m.text()); });
        const ready = await gotoReady(page, app.base, 60000);
        assert.equal(ready.worker, true, `analysed in the worker (${warnings.join("; ")})`);
        assert.ok(ready.textLength > 100_000, `${ready.textLength} characters`);
        assert.equal(ready.language, "en");
        assert.ok(ready.facts > 3, `${ready.facts} facts`);
        assert.ok(await page.locator("fact-cards article.card").count() >= 3, "cards drawn");
        assert.ok(app.log.some((p) => /worker.*\.js$/.test(p)), `the worker script was loaded: ${app.log.join(" ")}`);
        assert.ok(app.log.some((p) => /\.wasm$/.test(p)), "the .wasm was loaded");
        assert.deepEqual(page.problems, [], "no console errors or page errors");
        assert.deepEqual(warnings.filter((w) => /factcards/.test(w)), [], "no fallback warning");
        await page.context().close();
      });
    }

    test("esbuild without the worker entry: long texts fall back to the main thread with a warning", async () => {
      const esb = join(project, "esbuild-app");
      const bare = join(project, "esbuild-bare");
      cpSync(join(esb, "dist"), bare, { recursive: true });
      rmSync(join(bare, "fact-cards-worker.js"));
      const server = await serve(bare, { headers: () => ({ "content-security-policy": CSP }) });
      try {
        const page = await chrome.newPage();
        const warnings = [];
        page.on("console", (m) => { if (m.type() === "warning") warnings.push(m.text()); });
        const ready = await gotoReady(page, server.base, 60000);
        assert.equal(ready.worker, false);
        assert.ok(warnings.some((w) => /factcards: the worker could not start/.test(w)), `a warning says so: ${warnings}`);
        assert.ok(page.problems.every((p) => /404|Failed to load/.test(p)), page.problems.join("\n"));
        await page.context().close();
      } finally {
        await server.close();
      }
    });
  });
});
