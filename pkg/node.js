// The Node entry of factcards (the "node" export condition): the .wasm is loaded synchronously
// next to this file, so `import { analyze } from "factcards"` works without calling init().
import { readFileSync } from "node:fs";
import init, { initSync } from "./factcards.js";

initSync({ module: readFileSync(new URL("./factcards_bg.wasm", import.meta.url)) });

export * from "./factcards.js";
export default init;
