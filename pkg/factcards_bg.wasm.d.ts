/* factcards/factcards_bg.wasm — the analyzer's WebAssembly. Hand-kept. Imported with a bundler that
 * turns a file into its URL (esbuild `--loader:.wasm=file`, webpack `asset/resource`), it is that
 * URL: `init({ module_or_path: wasmUrl })`, `FactCardsElement.wasmUrl = wasmUrl`. */
declare const url: string;
export default url;
