// Records what CPython 3.14 prints for each snippet, for `cargo xtask cpython`.
//
// stdin: a JSON array of `{ code, stdin }`; stdout: a JSON object
// `{ python, snippets: [{ code, stdin, stdout, raised }] }` in the same order, where `raised` is
// the uncaught exception's class name or null (see cpython.mjs).

import { text } from "node:stream/consumers";
import { startCpython } from "./cpython.mjs";

const snippets = JSON.parse(await text(process.stdin));
const cpython = await startCpython();
const recorded = snippets.map(({ code, stdin }) => {
  const { stdout, raised } = cpython.run(code, stdin);
  return { code, stdin, stdout, raised };
});
process.stdout.write(JSON.stringify({ python: cpython.version, snippets: recorded }));
