// CPython 3.14, compiled to WebAssembly by Pyodide (the `pyodide` devDependency), run under
// Node with no network: the reference the course's snippets are compared with.
//
// As a module: `startCpython()` gives `run(code, stdin)` → `{ stdout, stderr, raised }`, where
// `raised` is the uncaught exception's class name (dotted with its module outside builtins, as
// the engine names it) or null. Each run gets fresh globals
// (`__name__ == "__main__"`), a fresh empty working directory, the modules imported by
// earlier runs forgotten, and the warnings filters reset, as a new `python3 -c` would.
//
// As a command, for writing content: `node tests/cpython/cpython.mjs file.py [stdin lines…]`
// runs one file and prints its stdout, then its stderr, then the exception's name if any.

import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { loadPyodide } from "pyodide";

// Runs in CPython: executes `code` as `__main__` and reports the uncaught exception's name.
//
// Two things Pyodide's CPython cannot do under Node are stood in for, the same way for every
// snippet:
// - asyncio.run: Pyodide's own loop needs WebAssembly stack switching, which Node 20 lacks; a
//   plain asyncio event loop with no I/O (timers only, sleeping for real) runs the coroutine.
// - turtle: Pyodide has no Tk. A snippet that imports turtle gets Pylings' own module
//   (crates/engine/python/_pylings_turtle.py, drawing nowhere), so turtle examples are
//   compared on what they print, which is what the content test compares anyway.
// - threads: Pyodide cannot start a thread; Thread.start() runs the thread to its end at once,
//   which is what Pylings' engine does in the browser too. Thread examples in the course must
//   therefore be deterministic (joined, or locked) for the comparison to mean anything.
const HARNESS = `
import sys, types

# What Pylings' turtle module needs of the engine: nowhere to send its drawing.
_boot = types.ModuleType("_pylings_boot")
_boot.drawing = None
_boot.keep_drawing = False
_boot.flush_drawing = lambda: None
_host = types.ModuleType("_pylings_host")
_host.drawing = lambda ops: None
sys.modules.update(_pylings_boot=_boot, _pylings_host=_host)
sys.path.insert(0, "/pylings")

import asyncio, asyncio.events, asyncio.runners
import io, os, sys, threading, time, traceback, types, warnings

class _TimersOnly:
    """A selector for a loop with no file descriptors: waiting is just sleeping."""
    def select(self, timeout):
        if timeout:
            time.sleep(timeout)
        return []
    def close(self):
        pass

class _Loop(asyncio.BaseEventLoop):
    def __init__(self):
        super().__init__()
        self._selector = _TimersOnly()
    def _process_events(self, event_list):
        pass
    def _write_to_self(self):
        pass

_asyncio_run = asyncio.runners.run

def _run(main, *, debug=None, loop_factory=None):
    # Pyodide marks its own loop as running; step out of it for the snippet's run.
    outer = asyncio.events._get_running_loop()
    asyncio.events._set_running_loop(None)
    try:
        return _asyncio_run(main, debug=debug, loop_factory=loop_factory or _Loop)
    finally:
        asyncio.events._set_running_loop(outer)

asyncio.run = _run

def _start_at_once(thread):
    thread._started.set()
    thread.run()

threading.Thread.start = _start_at_once
threading.Thread.join = lambda thread, timeout=None: None
threading.Thread.is_alive = lambda thread: False

def _type_name(kind):
    # As Pylings' engine names exceptions (its _pylings_runner.py): dotted outside builtins.
    module = getattr(kind, "__module__", "builtins")
    if module in ("builtins", "__main__"):
        return kind.__qualname__
    return module + "." + kind.__qualname__

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
    # A real __main__ module, as unittest.main(), doctest.testmod() and mock.patch expect.
    main = types.ModuleType("__main__")
    main.__builtins__ = __builtins__
    saved_main = sys.modules["__main__"]
    sys.modules["__main__"] = main
    raised = None
    try:
        exec(compile(code, "<string>", "exec"), main.__dict__)
    except SystemExit as exit:
        if exit.code not in (None, 0):
            raised = "SystemExit"
    except BaseException as error:
        raised = _type_name(type(error))
        traceback.print_exception(error, error, error.__traceback__.tb_next)
    finally:
        sys.modules["__main__"] = saved_main
        sys.stdout.flush()
        sys.stderr.flush()
        for name in set(sys.modules) - _baseline - {"__main__"}:
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
  const engine = new URL("../../crates/engine/python/", import.meta.url);
  pyodide.FS.mkdirTree("/pylings");
  pyodide.FS.writeFile("/pylings/turtle.py", readFileSync(new URL("_pylings_turtle.py", engine)));
  pyodide.FS.writeFile("/pylings/_pylings_colors.py", readFileSync(new URL("_pylings_colors.py", engine)));
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
