// Repeated analyze calls must not grow the wasm memory without bound.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { initSync, analyze } from "../../pkg/factcards.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const exports = initSync({ module: readFileSync(join(root, "pkg", "factcards_bg.wasm")) });

test("10,000 analyze calls keep wasm memory bounded", () => {
  const text = "Il presidente Mario Rossi ha detto: “Siamo pronti”. Il governo ha stanziato 50 milioni di euro.\n\nRoma, 3 marzo.";
  for (let i = 0; i < 200; i++) analyze(text); // warm up: lexicons, allocator
  const before = exports.memory.buffer.byteLength;
  for (let i = 0; i < 10_000; i++) analyze(text, { language: i % 2 ? "it" : undefined });
  const after = exports.memory.buffer.byteLength;
  assert.ok(after - before <= 1 << 20, `memory grew by ${after - before} bytes over 10,000 calls`);
});

test("errors thrown across the boundary do not leak either", () => {
  const before = exports.memory.buffer.byteLength;
  for (let i = 0; i < 2_000; i++) {
    assert.throws(() => analyze("x", { language: "xx" }), Error);
  }
  assert.ok(exports.memory.buffer.byteLength - before <= 1 << 20);
});
