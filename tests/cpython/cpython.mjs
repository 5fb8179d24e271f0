// CPython 3.14, compiled to WebAssembly by Pyodide (the `pyodide` devDependency), run under
// Node with no network: the reference the course's snippets are compared with.
//
// As a module: `startCpython()` gives `run(code, stdin)` → `{ stdout, stderr, raised }`, where
// `raised` is the uncaught exception's class name or null. Each run gets fresh globals
// (`__name__ == "__main__"`), a fresh empty working directory, the modules imported by
// earlier runs forgotten, and the warnings filters reset, as a new `python3 -c` would.
//
// As a command, for writing content: `node tests/cpython/cpython.mjs file.py [stdin lines…]`
// runs one file and prints its stdout, then its stderr, then the exception's name if any.

import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { loadPyodide } from "pyodide";

// Runs in CPython: executes `code` as `__main__` and reports the uncaught exception's name.
const HARNESS = `
import io, os, sys, traceback, warnings

_baseline = set(sys.modules)
_counter = [0]

def _pylings_run(code, stdin):
    _counter[0] += 1
    home = f"/tmp/snippet-{_counter[0]}"
    os.makedirs(home)
    os.chdir(home)
    sys.stdin = io.StringIO(stdin)
    warnings.resetwarnings()
    warnings.simplefilter("default")
    namespace = {"__name__": "__main__", "__builtins__": __builtins__}
    raised = None
    try:
        exec(compile(code, "<string>", "exec"), namespace)
    except SystemExit as exit:
        if exit.code not in (None, 0):
            raised = "SystemExit"
    except BaseException as error:
        raised = type(error).__name__
        traceback.print_exception(error, error, error.__traceback__.tb_next)
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        for name in set(sys.modules) - _baseline:
            del sys.modules[name]
    return raised
`;

/** Loads CPython once; returns `run(code, stdin = "")`. */
export async function startCpython() {
  const pyodide = await loadPyodide();
  let stdout = "";
  let stderr = "";
  const decoder = (append) => {
    const utf8 = new TextDecoder();
    return { write: (bytes) => (append(utf8.decode(bytes, { stream: true })), bytes.length) };
  };
  pyodide.setStdout(decoder((text) => (stdout += text)));
  pyodide.setStderr(decoder((text) => (stderr += text)));
  pyodide.runPython(HARNESS);
  const runner = pyodide.globals.get("_pylings_run");
  return {
    version: pyodide.runPython("import sys; sys.version.split()[0]"),
    run(code, stdin = "") {
      stdout = "";
      stderr = "";
      const raised = runner(code, stdin) ?? null;
      return { stdout, stderr, raised };
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [file, ...stdinLines] = process.argv.slice(2);
  if (!file) {
    console.error("usage: node tests/cpython/cpython.mjs file.py [stdin line…]");
    process.exit(2);
  }
  const cpython = await startCpython();
  const stdin = stdinLines.map((line) => `${line}\n`).join("");
  const { stdout, stderr, raised } = cpython.run(readFileSync(file, "utf8"), stdin);
  process.stdout.write(`--- stdout (CPython ${cpython.version})\n${stdout}`);
  if (stderr) process.stdout.write(`--- stderr\n${stderr}`);
  process.stdout.write(`--- ${raised ? `raised ${raised}` : "no exception"}\n`);
}
