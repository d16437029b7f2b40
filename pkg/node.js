// The Node entry of factcards (the "node" export condition): the .wasm and every language's data
// are read synchronously next to this file, so `import { analyze } from "factcards"` works without
// calling init(), in every language, as the native crate does.
import { readFileSync } from "node:fs";
import init, { initSync } from "./factcards.js";
import { LANGUAGES } from "./factcards-files.js";

const here = (file) => new URL(file, import.meta.url);
initSync({
  module: readFileSync(here("./factcards_bg.wasm")),
  languages: Object.fromEntries(LANGUAGES.map((code) => [code, readFileSync(here(`./factcards-${code}.bin`))])),
});

export * from "./factcards.js";
export default init;
