// The benchmark's Pyodide worker: loads Pyodide from this folder, then runs each program the
// page sends, streaming its output back line by line.
import { loadPyodide } from "./pyodide.mjs";

let current = null;
const queued = [];
self.onmessage = ({ data }) => queued.push(data);

// Also global, so the benchmark can read the size of its wasm memory over CDP.
const pyodide = (globalThis.pyodide = await loadPyodide({
  indexURL: new URL("./", import.meta.url).href,
  stdout: (line) => self.postMessage({ id: current, type: "out", text: line + "\n" }),
  stderr: (line) => self.postMessage({ id: current, type: "out", text: line + "\n" }),
}));
self.postMessage({ type: "ready" });

function runOne({ id, code }) {
  current = id;
  let error = null;
  try {
    pyodide.runPython(code, { globals: pyodide.toPy({ __name__: "__main__" }) });
  } catch (e) {
    error = String(e.message ?? e);
  }
  self.postMessage({ id, type: "done", error });
}

self.onmessage = ({ data }) => runOne(data);
for (const message of queued.splice(0)) runOne(message);
