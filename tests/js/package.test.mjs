// The npm package as a user gets it: `npm pack` of pkg/, installed from the tarball (offline) into a
// fresh project; `import { analyze } from "factcards"` in plain Node 20; an esbuild bundle of a
// tiny app that imports the module and the element, served and run in Chromium.
// Needs ./build.sh first.
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gotoReady, launch, root, serve, skipBrowser } from "./harness.mjs";

const npm = (args, cwd) => execFileSync("npm", [...args, "--no-audit", "--no-fund", "--loglevel=error"],
  { cwd, encoding: "utf8", env: { ...process.env, npm_config_update_notifier: "false" } });

describe("the npm package, packed and installed", () => {
  let dir, tarball, project;

  before(() => {
    for (const f of ["pkg/factcards.js", "pkg/factcards_bg.wasm"]) {
      assert.ok(existsSync(join(root, f)), `${f} is missing: run ./build.sh first`);
    }
    dir = mkdtempSync(join(tmpdir(), "factcards-pack-"));
    const packed = JSON.parse(npm(["pack", join(root, "pkg"), "--json", "--pack-destination", dir], dir));
    tarball = join(dir, packed[0].filename);
    project = join(dir, "app");
    mkdirSync(project);
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "app", private: true, type: "module" }));
    npm(["install", tarball, "--offline", "--cache", join(dir, "npm-cache")], project);
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test("the tarball holds the module, the .wasm, the element, the worker, the Node entry and the types", () => {
    assert.match(tarball, /factcards-0\.1\.0\.tgz$/);
    const installed = readdirSync(join(project, "node_modules", "factcards")).sort();
    for (const f of ["README.md", "fact-cards-view.js", "fact-cards-worker.js", "fact-cards.d.ts", "fact-cards.js",
      "factcards.d.ts", "factcards.js", "factcards_core.js", "factcards_bg.wasm", "factcards-labels.js",
      "factcards-en.bin", "factcards-it.bin", "node.js", "package.json"]) {
      assert.ok(installed.includes(f), `${f} in the package (${installed.join(", ")})`);
    }
  });

  test('Node 20: import { analyze } from "factcards" works without init() and without flags', () => {
    const script = `
      import { analyze, version } from "factcards";
      import * as element from "factcards/element"; // importable in Node (defines nothing there)
      const a = analyze(process.argv[1]);
      console.log(JSON.stringify({ language: a.language, summary: a.summary.length, title: a.title,
        version: version(), element: typeof element.FactCardsElement }));`;
    const text = readFileSync(join(root, "tests/fixtures/it-putin-vietnam.txt"), "utf8");
    const out = JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", script, text],
      { cwd: project, encoding: "utf8" }));
    assert.equal(out.language, "it");
    assert.ok(out.summary > 0);
    assert.match(out.title, /^Russia e Vietnam/);
    assert.match(out.version, /^\d+\.\d+\.\d+/);
    assert.equal(out.element, "function");
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

  describe("an esbuild bundle of a tiny app, in Chromium", { skip: skipBrowser }, () => {
    let server, chrome;

    before(async () => {
      const src = join(project, "src");
      mkdirSync(src);
      writeFileSync(join(src, "main.js"), `
        import init, { analyze, version } from "factcards";
        import { FactCardsElement } from "factcards/element";
        import wasmUrl from "factcards/factcards_bg.wasm"; // a URL, as a CDN would give

        FactCardsElement.wasmUrl = wasmUrl;
        await init({ module_or_path: wasmUrl });
        const a = analyze(document.getElementById("story").textContent);
        document.getElementById("out").textContent = JSON.stringify({ language: a.language, summary: a.summary.length, version: version() });
      `);
      const www = join(project, "dist");
      mkdirSync(www);
      writeFileSync(join(www, "index.html"), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>app</title>
        <link rel="icon" href="data:,"><script type="module" src="/main.js"></script></head><body>
        <article id="story"><h1>Ministers agree on a river treaty</h1><p>The foreign ministers of Peru and Bolivia met in La Paz on Friday and signed a treaty on the basin.</p>
        <p>“Water does not stop at borders,” said the Peruvian minister. The fund is worth 40 million dollars.</p></article>
        <pre id="out"></pre><fact-cards for="story"></fact-cards></body></html>`);
      const { build } = await import("esbuild");
      await build({
        entryPoints: [join(src, "main.js")], bundle: true, format: "esm", platform: "browser", target: "es2022",
        outdir: www, loader: { ".wasm": "file" }, publicPath: "/", absWorkingDir: project, logLevel: "error",
      });
      // esbuild does not follow new URL(…, import.meta.url): the language files are deployed next to
      // the bundle and the .wasm, as a site would.
      const installed = join(project, "node_modules", "factcards");
      for (const f of readdirSync(installed).filter((f) => f.endsWith(".bin"))) copyFileSync(join(installed, f), join(www, f));
      server = await serve(www, { headers: () => ({ "content-security-policy": "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:" }) });
      chrome = await launch();
    });

    after(async () => {
      await chrome?.close();
      await server?.close();
    });

    test("the bundle analyses with the module and renders the element", async () => {
      const page = await chrome.newPage();
      const ready = await gotoReady(page, server.base);
      assert.equal(ready.language, "en");
      const out = JSON.parse(await page.locator("#out").textContent());
      assert.equal(out.language, "en");
      assert.ok(out.summary > 0);
      assert.ok(await page.locator("fact-cards article.card").count() >= 1, "cards from the bundled element");
      assert.ok(server.log.some((p) => /^\/factcards_bg-[\w]+\.wasm$/.test(p)), `the hashed .wasm was loaded: ${server.log}`);
      assert.deepEqual(page.problems, []);
      await page.context().close();
    });

    test("without the worker file next to the bundle, long texts fall back to the main thread", async () => {
      const page = await chrome.newPage();
      await gotoReady(page, server.base);
      const ready = await page.evaluate(() => new Promise((resolve, reject) => {
        const El = customElements.get("fact-cards");
        El.workerThreshold = 50; // every text is "long" now; the bundle has no fact-cards-worker.js
        const el = document.querySelector("fact-cards");
        el.addEventListener("factcards:ready", (e) => resolve({ worker: e.detail.worker, language: e.detail.analysis.language }), { once: true });
        el.addEventListener("factcards:error", (e) => reject(new Error(e.detail.message)), { once: true });
        el.text = "Il ministro ha incontrato a Roma la collega spagnola. Hanno firmato tre accordi sull'energia.";
      }));
      assert.deepEqual(ready, { worker: false, language: "it" });
      assert.ok(server.log.includes("/fact-cards-worker.js"), "the worker was tried");
      assert.ok(page.problems.every((p) => /404|Failed to load/.test(p)), page.problems.join("\n"));
      await page.context().close();
    });
  });
});
