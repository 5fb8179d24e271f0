// `cargo xtask bench`: Pylings and Pyodide measured side by side, in one run, in headless Chromium.
//
// Both are served from local files by the same static server (tests/e2e/static-server.mjs, which
// honours Accept-Encoding with precompressed siblings): Pylings from a snapshot of dist/, Pyodide
// from its npm package (a devDependency of this benchmark only) with a tiny page that runs it in a
// Web Worker, as Pylings runs its engine (bench/pyodide/). See bench/site.mjs.
//
// Measured, the engines interleaved so that machine noise hits both alike:
// - bytes transferred (compressed, as served) before the first output, and in total;
// - cold start, a fresh browser profile each time: navigation to the lesson text visible
//   (Pylings), and to the first line printed by `print(1)` (both); on loopback, and with CDP
//   network emulation of 20 Mbit/s and 40 ms round trip;
// - second visit: a new tab in the profile of a first visit (Pylings: served by its service
//   worker; Pyodide: by the HTTP cache), time to text and to first output;
// - warm run time of the learner programs in bench/programs/ (each times itself with
//   time.perf_counter), median of several runs after a warm-up, as ratios to Pyodide and to native
//   CPython (`python3`, where installed);
// - the worker's memory (wasm linear memory and JS heap, read over CDP) after start and after the
//   programs, and on a phone-sized screen before and after a first Stop;
// - the time from Stop to the next run's first output;
// - turtle graphics: a 10,000-segment speed(0) drawing from Run to drawn;
// - the visualiser: a program that reaches the 1,000-step limit, Visualise click to the step
//   view, the recording's bytes, and the same program's ordinary Run (not traced);
// - the standard library fetched on demand: the first import of common modules in each engine,
//   and what shipping bytecode instead of source would weigh (from target/bench/bytecode/, written
//   by `cargo xtask bench` with crates/stdlib/examples/bytecode.rs).
// It prints a table, writes it to bench/results/latest.md (and, for a full run, a dated copy), and
// says which of issue 9's targets are met. Measurements, not tests: nothing here fails on a time.
//
// Usage: node bench/bench.mjs [--quick] [--dist DIR]
//   --quick  one cold load per engine and network, one timed run per program, no dated copy:
//            for trying the benchmark itself, not for numbers.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import { chromium } from "playwright-core";
import { startServer } from "../tests/e2e/static-server.mjs";
// Debian's Chromium with the browser tests' flags (never a downloaded browser).
import { FLAGS, setCode, runInWorkbench } from "../tests/e2e/harness.mjs";
import { buildSite, bestSizes } from "./site.mjs";
import { findFrozenLibs, unlz4 } from "./frozen.mjs";
import { wasmSections } from "./wasm-sections.mjs";

const args = process.argv.slice(2);
const loadAtStart = loadavg()[0];
const QUICK = args.includes("--quick");
const DIST = args.includes("--dist") ? args[args.indexOf("--dist") + 1] : "dist";
const HERE = new URL(".", import.meta.url).pathname;
const ROOT = join(HERE, "..");

const COLD_RUNS = QUICK ? 1 : 5; // per engine and network condition
const WARM_RUNS = QUICK ? 1 : 7; // timed runs per program and engine, after one warm-up
const STOP_RUNS = QUICK ? 1 : 3;
const THROTTLE = { offline: false, latency: 40, downloadThroughput: 20e6 / 8, uploadThroughput: 20e6 / 8 };
const NETWORKS = [
  { name: "loopback", conditions: null },
  { name: "20 Mbit/s, 40 ms RTT", conditions: THROTTLE },
];
const LESSON = "print-and-comments";
const TIMEOUT = 180_000;

// ---------------------------------------------------------------------------------------------
// The site and the browser

const site = await buildSite({
  dist: join(ROOT, DIST),
  pyodideDir: join(ROOT, "node_modules/pyodide"),
  pageDir: join(HERE, "pyodide"),
  out: join(ROOT, "target/bench/site"),
  cache: join(ROOT, "target/bench/cache"),
});
const lessonPath = existsSync(join(site.root, "lesson", LESSON, "index.html")) ? `/lesson/${LESSON}/` : `/lesson/${LESSON}`;
/** Whether `path` is part of the Python engine (not the page or app around it). */
const isEngine = (path) => /^\/pylings-worker|^\/pyodide\/(pyodide|python_stdlib)/.test(path);
const workerModule = (() => {
  const loader = readFileSync(join(site.root, "pylings-worker_loader.js"), "utf8");
  return loader.match(/from\s+['"]([^'"]+)['"]/)?.[1] ?? "./pylings-worker.js";
})();

const server = await startServer(site.root, 0);
const base = `http://127.0.0.1:${server.address().port}`;

// Cache headers as a host gives them: dist/_headers (Netlify, Cloudflare Pages), where the most
// specific rule wins; Pyodide's versioned files as its CDN sends them (immutable). Without any,
// the browser may not reuse a response, and a second worker downloads its engine again.
const headerRules = [];
if (existsSync(join(site.root, "_headers"))) {
  let rule = null;
  for (const line of readFileSync(join(site.root, "_headers"), "utf8").split("\n")) {
    if (/^\s*(#|$)/.test(line)) continue;
    if (!/^\s/.test(line)) headerRules.push((rule = { pattern: line.trim(), headers: [] }));
    else if (rule && line.includes(":")) rule.headers.push([line.slice(0, line.indexOf(":")).trim(), line.slice(line.indexOf(":") + 1).trim()]);
  }
}
function cacheControl(path) {
  if (path.startsWith("/pyodide/")) {
    return /\/pyodide\/(pyodide|python_stdlib)/.test(path) ? "public, max-age=31536000, immutable" : "no-cache";
  }
  const rule =
    headerRules.find((r) => r.pattern === path) ??
    headerRules.filter((r) => r.pattern.endsWith("*") && path.startsWith(r.pattern.slice(0, -1))).sort((a, b) => b.pattern.length - a.pattern.length)[0];
  return rule?.headers.find(([name]) => name.toLowerCase() === "cache-control")?.[1] ?? null;
}

// Body bytes the server sent, per request (see trackNetwork).
const serverLog = [];
server.prependListener("request", (request, response) => {
  const cache = cacheControl(new URL(request.url, base).pathname);
  if (cache) response.setHeader("Cache-Control", cache);
  const end = response.end.bind(response);
  response.end = (body, ...rest) => {
    serverLog.push({ path: new URL(request.url, base).pathname, bytes: body?.length ?? 0 });
    return end(body, ...rest);
  };
});

// ---------------------------------------------------------------------------------------------
// Helpers

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
const median = (xs) => {
  const sorted = xs.filter((x) => x != null).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const geomean = (xs) => (xs.length && xs.every((x) => x > 0) ? Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length) : null);
const MiB = (n) => (n == null ? "—" : `${(n / 1024 / 1024).toFixed(2)} MiB`);
const MB = (n) => (n == null ? "—" : `${(n / 1e6).toFixed(2)} MB`);
const ms = (n) => (n == null ? "—" : `${Math.round(n)} ms`);
const ratio = (a, b) => (a == null || b == null || b === 0 ? null : a / b);
const x = (r) => (r == null ? "—" : `${r.toFixed(2)}×`);
const spread = (xs) => (xs.length > 1 ? ` (${Math.round(Math.min(...xs))}–${Math.round(Math.max(...xs))})` : "");

// Marks in the page, in its own clock (performance.now(), from navigation start): when the
// lesson text is first on screen and when the workbench first shows output.
const MARKS = `(() => {
  const marks = (window.__bench = { textVisible: null, firstOutput: null, traceBytes: null });
  // The size of the last recording a worker sent (the visualiser's row).
  if (window.Worker) {
    const Original = window.Worker;
    window.Worker = class extends Original {
      constructor(...args) {
        super(...args);
        this.addEventListener("message", (event) => {
          if (typeof event.data === "string" && event.data.startsWith('{"type":"finished"') && event.data.includes('"trace":')) {
            marks.traceBytes = new TextEncoder().encode(JSON.parse(event.data).trace).length;
          }
        });
      }
    };
  }
  const check = () => {
    if (marks.textVisible === null && document.querySelector("article.lesson h1")) {
      marks.textVisible = -1;
      requestAnimationFrame(() => { marks.textVisible = performance.now(); });
    }
    if (marks.firstOutput === null) {
      const output = document.querySelector(".workbench .output-text");
      if (output && output.textContent.trim() !== "") marks.firstOutput = performance.now();
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
})();`;

/** Records every request of `context`: { path, start, end (epoch ms), bytes }. Bytes are what the
 *  server sent (Chromium reports no size for a worker's own script, and a size for responses
 *  from its cache): the server's responses for a path go to its earliest requests, later ones
 *  were answered from the browser's cache. */
function trackNetwork(context) {
  const entries = [];
  const logStart = serverLog.length;
  let pending = 0;
  let last = Date.now();
  context.on("request", () => {
    pending++;
    last = Date.now();
  });
  const finished = (request, failed) => {
    pending--;
    last = Date.now();
    if (failed) return;
    const timing = request.timing();
    entries.push({ path: new URL(request.url()).pathname, start: timing.startTime, end: timing.startTime + timing.responseEnd, bytes: 0 });
  };
  context.on("requestfinished", (request) => finished(request, false));
  context.on("requestfailed", (request) => finished(request, true));
  return {
    /** Waits until no request has been in flight for 2 s (at most 60 s), then returns the entries. */
    async quiet() {
      const deadline = Date.now() + 60_000;
      while (Date.now() < deadline && (pending > 0 || Date.now() - last < 2_000)) await sleep(200);
      const sent = serverLog.slice(logStart);
      entries.sort((a, b) => a.start - b.start);
      for (const entry of entries) {
        const index = sent.findIndex((line) => line.path === entry.path);
        if (index >= 0) entry.bytes = sent.splice(index, 1)[0].bytes;
        else entry.cached = true;
      }
      return entries;
    },
  };
}

let chromiumVersion = null;

/** CDP network emulation of `conditions` (none: the machine's loopback) for `page`. */
async function emulate(context, page, conditions) {
  if (!conditions) return;
  const session = await context.newCDPSession(page);
  await session.send("Network.enable");
  await session.send("Network.emulateNetworkConditions", conditions);
}

/** A browser with a fresh profile of its own (so a disk cache, as a learner's browser has: an
 *  in-memory cache does not keep a 10 MB engine, and the spare worker would fetch it again),
 *  one page, and `conditions` as CDP network emulation. */
async function newProfile(conditions, screen = { width: 1280, height: 900 }) {
  const dir = mkdtempSync(join(tmpdir(), "pylings-bench-"));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: "/usr/bin/chromium",
    args: FLAGS,
    viewport: screen,
    screen,
  });
  chromiumVersion ??= context.browser()?.version() ?? null;
  await context.addInitScript(MARKS);
  const page = context.pages()[0] ?? (await context.newPage());
  page.problems = [];
  page.on("pageerror", (error) => page.problems.push(error.message));
  await emulate(context, page, conditions);
  const cdp = await context.browser().newBrowserCDPSession();
  cdp.on("Target.receivedMessageFromTarget", ({ message }) => {
    const reply = JSON.parse(message);
    if (reply.id && cdpReplies.has(reply.id)) {
      cdpReplies.get(reply.id)(reply);
      cdpReplies.delete(reply.id);
    }
  });
  return {
    context,
    page,
    cdp,
    async close() {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Memory of a page's workers, over CDP (measureUserAgentSpecificMemory needs cross-origin
// isolation, which neither page has): each worker's wasm linear memory and its JS heap.

let cdpMessage = 0;
const cdpReplies = new Map();

async function inTarget(cdp, sessionId, method, params = {}) {
  const id = ++cdpMessage;
  const reply = new Promise((done) => cdpReplies.set(id, done));
  await cdp.send("Target.sendMessageToTarget", { sessionId, message: JSON.stringify({ id, method, params }) });
  const answer = await Promise.race([reply, sleep(30_000).then(() => ({ error: { message: "no answer in 30 s" } }))]);
  if (answer.error) throw new Error(`${method}: ${answer.error.message}`);
  return answer.result;
}

/** [{ url, wasm, heap }] for the workers of the browser of `profile` (it has one page). */
async function workerMemory({ cdp }, expression) {
  const { targetInfos } = await cdp.send("Target.getTargets");
  const workers = targetInfos.filter((t) => t.type === "worker");
  const result = [];
  for (const worker of workers) {
    const { sessionId } = await cdp.send("Target.attachToTarget", { targetId: worker.targetId, flatten: false });
    try {
      const heap = await inTarget(cdp, sessionId, "Runtime.getHeapUsage");
      const evaluated = await inTarget(cdp, sessionId, "Runtime.evaluate", { expression, awaitPromise: true, returnByValue: true });
      result.push({ url: worker.url, wasm: evaluated.result?.value ?? null, heap: heap.usedSize });
    } catch (error) {
      result.push({ url: worker.url, wasm: null, heap: null, error: error.message });
    } finally {
      await cdp.send("Target.detachFromTarget", { sessionId }).catch(() => {});
    }
  }
  return result;
}

const PYLINGS_MEMORY = `(async () => {
  const glue = await import(new URL(${JSON.stringify(workerModule)}, location.href).href);
  const exports = await glue.default(); // already initialised: returns the instance's exports
  return exports.memory.buffer.byteLength;
})()`;
const PYODIDE_MEMORY = `(() => {
  const module = globalThis.pyodide?._module;
  return (module?.HEAP8 ?? module?.wasmMemory)?.buffer.byteLength ?? null;
})()`;

// ---------------------------------------------------------------------------------------------
// The two engines, driven alike

const engines = {
  pylings: {
    name: "Pylings",
    url: () => base + lessonPath,
    memoryExpression: PYLINGS_MEMORY,
    /** Navigates a fresh page and runs print(1) as soon as the workbench takes it. */
    async coldLoad(page) {
      await page.goto(this.url(), { waitUntil: "commit" });
      await page.waitForFunction(() => window.__bench.textVisible > 0, null, { timeout: TIMEOUT });
      // Whichever editor is there first: CodeMirror, or the textarea standing in until it loads
      // (a learner can type and run before CodeMirror arrives).
      await page.locator(".workbench .code-editor").fill("print(1)");
      await page.locator(".workbench .run-button").click({ timeout: TIMEOUT });
      await page.waitForFunction(() => window.__bench.firstOutput !== null, null, { timeout: TIMEOUT });
      return page.evaluate(() => ({
        textVisible: Math.max(window.__bench.textVisible, performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? 0),
        firstOutput: window.__bench.firstOutput,
        origin: performance.timeOrigin,
      }));
    },
    async open(page) {
      await page.goto(this.url());
      await this.run(page, "print(1)");
    },
    async run(page, code) {
      await setCode(page, code);
      const result = await runInWorkbench(page, () => page.locator(".workbench .run-button").click(), TIMEOUT);
      return { stdout: result.stdout, error: result.errorText };
    },
    /** ms from the Run click to the output of print(n) on the warm worker. */
    async printLatency(page, n) {
      await setCode(page, `print(${n})`);
      await watchOutput(page, String(n));
      await page.evaluate(() => {
        window.__watch.run = performance.now();
        document.querySelector(".workbench .run-button").click();
      });
      const watch = await watchedOutput(page);
      return watch.output - watch.run;
    },
    async stopThenRun(page, n) {
      await setCode(page, "while True:\n    pass\n");
      await page.locator(".workbench .run-button").click();
      await page.locator(".workbench .run-status", { hasText: /Running/ }).waitFor({ timeout: TIMEOUT });
      await sleep(1_000);
      await watchOutput(page, String(n));
      await page.evaluate(() => {
        window.__watch.stop = performance.now();
        document.querySelector(".workbench .stop-button").click();
      });
      await setCode(page, `print(${n})`);
      await page.evaluate(() => {
        window.__watch.run = performance.now();
        document.querySelector(".workbench .run-button").click();
      });
      const watch = await watchedOutput(page);
      return { total: watch.output - watch.stop, afterRun: watch.output - watch.run };
    },
  },
  pyodide: {
    name: "Pyodide",
    url: () => `${base}/pyodide/index.html`,
    memoryExpression: PYODIDE_MEMORY,
    /** The page starts its worker and sends print(1) at once. */
    async coldLoad(page) {
      await page.goto(this.url(), { waitUntil: "commit" });
      await page.waitForFunction(() => window.bench?.marks.firstOutput, null, { timeout: TIMEOUT });
      return page.evaluate(() => ({ textVisible: null, firstOutput: window.bench.marks.firstOutput, origin: performance.timeOrigin }));
    },
    async open(page) {
      await page.goto(this.url());
      await page.waitForFunction(() => window.bench?.marks.firstOutput, null, { timeout: TIMEOUT });
    },
    async run(page, code) {
      return page.evaluate((source) => window.bench.run(source), code);
    },
    async printLatency(page, n) {
      return page.evaluate(async (code) => {
        const run = performance.now();
        const result = await window.bench.run(code);
        return result.firstOutput - run;
      }, `print(${n})`);
    },
    async stopThenRun(page, n) {
      await page.evaluate(() => {
        window.bench.run("while True:\n    pass\n");
      });
      await sleep(1_000);
      const { ms: total } = await page.evaluate((code) => window.bench.stopThenRun(code), `print(${n})`);
      return { total, afterRun: total };
    },
  },
};
const ENGINES = ["pylings", "pyodide"];

/** Starts watching the workbench for output that reads `text`; see watchedOutput. */
async function watchOutput(page, text) {
  await page.evaluate((expected) => {
    const watch = (window.__watch = { output: null });
    new MutationObserver((_, observer) => {
      if (document.querySelector(".workbench .output-text")?.textContent.trim() === expected) {
        watch.output = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true, characterData: true });
  }, text);
}

/** Waits for the watched output; returns the marks (page clock) set on window.__watch. */
async function watchedOutput(page) {
  await page.waitForFunction(() => window.__watch.output !== null, null, { timeout: TIMEOUT });
  return page.evaluate(() => window.__watch);
}

/** Both engines, the first alternating with `i`, so neither always goes first. */
const interleaved = (i) => (i % 2 ? [...ENGINES].reverse() : ENGINES);

/** `runs` rounds of `load(engine, network)` on every network for both engines (interleaved);
 *  what it returns, listed by `"<engine key>/<network name>"`. */
async function eachLoad(runs, load) {
  const results = {};
  for (const key of ENGINES) for (const network of NETWORKS) results[`${key}/${network.name}`] = [];
  for (let i = 0; i < runs; i++) {
    for (const network of NETWORKS) {
      for (const key of interleaved(i)) results[`${key}/${network.name}`].push(await load(engines[key], network));
    }
  }
  return results;
}

// ---------------------------------------------------------------------------------------------
// Cold loads, and second visits

const cold = await eachLoad(COLD_RUNS, async (engine, network) => {
  const profile = await newProfile(network.conditions);
  const net = trackNetwork(profile.context);
  const marks = await engine.coldLoad(profile.page);
  const requests = await net.quiet();
  await profile.close();
  const outputAt = marks.origin + marks.firstOutput;
  const textAt = marks.textVisible == null ? null : marks.origin + marks.textVisible;
  const engineRequests = requests.filter((r) => isEngine(r.path));
  const engineWasm = engineRequests.filter((r) => r.path.endsWith(".wasm"));
  const run = {
    textVisible: marks.textVisible,
    firstOutput: marks.firstOutput,
    bytesBeforeOutput: requests.filter((r) => r.end <= outputAt).reduce((s, r) => s + r.bytes, 0),
    bytesTotal: requests.reduce((s, r) => s + r.bytes, 0),
    requests: requests.map((r) => ({ ...r, start: r.start - marks.origin, end: r.end - marks.origin })),
    engineBytesBeforeText: textAt == null ? null : engineRequests.filter((r) => r.end <= textAt).reduce((s, r) => s + r.bytes, 0),
    engineRequested: engineRequests.length ? Math.min(...engineRequests.map((r) => r.start)) - marks.origin : null,
    engineDownloaded: engineWasm.length ? Math.min(...engineWasm.map((r) => r.end)) - marks.origin : null,
  };
  console.error(
    `cold ${engine.name}, ${network.name}: ${run.textVisible ? `text ${ms(run.textVisible)}, ` : ""}first output ${ms(run.firstOutput)}, ` +
      `${MB(run.bytesBeforeOutput)} before it, ${MB(run.bytesTotal)} in all`,
  );
  return run;
});

// ---------------------------------------------------------------------------------------------
// Warm runs, memory, Stop

const programs = readdirSync(join(HERE, "programs"))
  .filter((f) => f.endsWith(".py"))
  .sort()
  .map((file) => ({ file, name: file.replace(/^\d+-|\.py$/g, ""), code: readFileSync(join(HERE, "programs", file), "utf8") }));

let python3 = null;
try {
  python3 = execFileSync("python3", ["--version"], { encoding: "utf8" }).trim();
} catch {
  python3 = null;
}

function parseRun(stdout) {
  const time = stdout?.match(/^TIME_MS ([\d.eE+-]+)$/m);
  const result = stdout?.match(/^RESULT (.*)$/m);
  return { ms: time ? Number(time[1]) : null, result: result?.[1] ?? null };
}

// Second visits: a first visit, time for the idle work after it (Pylings registers its service
// worker once Python is ready and keeps the stdlib 3 s later), then a new tab in the same profile.
const SECOND_RUNS = QUICK ? 1 : 3;
const IDLE_AFTER_FIRST_VISIT_MS = 10_000;
const second = await eachLoad(SECOND_RUNS, async (engine, network) => {
  const profile = await newProfile(network.conditions);
  await engine.coldLoad(profile.page);
  await sleep(IDLE_AFTER_FIRST_VISIT_MS);
  const tab = await profile.context.newPage();
  await emulate(profile.context, tab, network.conditions);
  const marks = await engine.coldLoad(tab);
  const controlled = await tab.evaluate(() => navigator.serviceWorker?.controller != null);
  await profile.close();
  console.error(`second visit ${engine.name}, ${network.name}: ${marks.textVisible ? `text ${ms(marks.textVisible)}, ` : ""}first output ${ms(marks.firstOutput)}${controlled ? " (service worker)" : ""}`);
  return { ...marks, controlled };
});

const open = {};
for (const key of ENGINES) {
  open[key] = await newProfile(null);
  await engines[key].open(open[key].page);
}
// What the engine has imported once a first program has run: the part of the frozen stdlib a
// first run needs.
const probe = await engines.pylings.run(open.pylings.page, "import sys\nprint(' '.join(sorted(sys.modules)))\n");
const startModules = new Set((probe.stdout ?? "").trim().split(/\s+/));
await sleep(3_000); // the spare worker (Pylings) starts once Python is idle: let it settle
const memory = { start: {}, end: {} };
for (const key of ENGINES) memory.start[key] = await workerMemory(open[key], engines[key].memoryExpression);

// A phone (a 390 by 844 screen): Pylings starts its spare worker only after a first Stop there.
const phone = await newProfile(null, { width: 390, height: 844 });
await engines.pylings.open(phone.page);
await sleep(3_000);
memory.phoneStart = await workerMemory(phone, PYLINGS_MEMORY);
const phoneStop = await engines.pylings.stopThenRun(phone.page, 7);
await sleep(5_000); // the spare, started after the Stop, compiles its engine
memory.phoneAfterStop = await workerMemory(phone, PYLINGS_MEMORY);
await phone.close();

// First imports of stdlib modules a first run has not loaded, timed inside Python: Pylings
// fetches their bundles (the browser's cache is empty: a fresh profile) and compiles them from
// source; Pyodide has its whole stdlib (python_stdlib.zip) in memory already.
// Also on a throttled network, where each request costs a round trip: there Pylings asks ahead
// for the bundles an import will need, all at once.
const IMPORTS = ["json", "datetime", "dataclasses", "fractions", "statistics", "decimal", "unittest", "asyncio"];
const throttledOpen = {};
for (const key of ENGINES) {
  throttledOpen[key] = await newProfile(THROTTLE);
  await engines[key].open(throttledOpen[key].page);
}
const firstImports = {};
for (const [index, module] of IMPORTS.entries()) {
  firstImports[module] = {};
  for (const key of interleaved(index)) {
    const code = `import time\n_t = time.perf_counter()\nimport ${module}\nprint("TIME_MS", (time.perf_counter() - _t) * 1000)\n`;
    for (const [where, profiles] of [["loopback", open], ["throttled", throttledOpen]]) {
      const { stdout, error } = await engines[key].run(profiles[key].page, code);
      firstImports[module][`${key}/${where}`] = error ? null : parseRun(stdout).ms;
    }
  }
}
for (const key of ENGINES) await throttledOpen[key].close();

const warm = Object.fromEntries(programs.map((p) => [p.name, { pylings: [], pyodide: [], cpython: [], results: {}, errors: [] }]));
for (let rep = 0; rep <= WARM_RUNS; rep++) {
  for (const [index, program] of programs.entries()) {
    const row = warm[program.name];
    for (const key of interleaved(rep + index)) {
      const { stdout, error } = await engines[key].run(open[key].page, program.code);
      const parsed = parseRun(stdout);
      if (error || parsed.ms == null) row.errors.push(`${engines[key].name}: ${(error ?? stdout ?? "").trim().split("\n")[0]}`);
      row.results[key] = parsed.result;
      if (rep > 0) row[key].push(parsed.ms);
    }
    if (python3) {
      try {
        const parsed = parseRun(execFileSync("python3", ["-c", program.code], { encoding: "utf8" }));
        row.results.cpython = parsed.result;
        if (rep > 0) row.cpython.push(parsed.ms);
      } catch (error) {
        row.errors.push(`CPython: ${error.message.split("\n")[0]}`);
      }
    }
  }
  console.error(rep === 0 ? "warm-up done" : `warm run ${rep}/${WARM_RUNS} done`);
}
for (const key of ENGINES) memory.end[key] = await workerMemory(open[key], engines[key].memoryExpression);

const stops = { pylings: [], pyodide: [] };
const prints = { pylings: [], pyodide: [] };
let token = 1000;
for (let i = 0; i < STOP_RUNS; i++) {
  for (const key of interleaved(i)) {
    prints[key].push(await engines[key].printLatency(open[key].page, token++));
    stops[key].push(await engines[key].stopThenRun(open[key].page, token++));
  }
}
// Turtle graphics (Pylings only: Pyodide has no turtle in the browser): a speed(0) program of
// 10,000 segments, from the Run click to the drawing complete on the canvas.
const TURTLE = "import turtle\nturtle.speed(0)\nfor i in range(10000):\n    turtle.forward(1 + i % 200)\n    turtle.left(61)\n";
const turtleTimes = [];
for (let i = 0; i < STOP_RUNS; i++) {
  const page = open.pylings.page;
  await setCode(page, TURTLE);
  turtleTimes.push(await page.evaluate(() => new Promise((done) => {
    const start = performance.now();
    document.querySelector(".workbench .run-button").click();
    const poll = () => /10000 lines/.test(document.querySelector(".workbench .drawing-canvas")?.getAttribute("aria-label") ?? "")
      ? done(performance.now() - start)
      : requestAnimationFrame(poll);
    requestAnimationFrame(poll);
  })));
}
// The visualiser (Pylings only): a program that reaches the 1,000-step limit, its dict and list
// changing at every step; from the Visualise click to the step view shown, and the same program
// run with Run (which is not traced), from the click to the run finished.
const VISUALISED = "counts = {}\nseen = []\nfor i in range(2000):\n    counts[i % 7] = counts.get(i % 7, 0) + i\n    seen.append(i)\n";
const visualiseTimes = [];
const plainTimes = [];
let traceBytes = null;
for (let i = 0; i < STOP_RUNS; i++) {
  const page = open.pylings.page;
  await setCode(page, VISUALISED);
  const timed = (selector, done) => page.evaluate(([selector, done]) => new Promise((resolve) => {
    const output = document.querySelector(".workbench .output");
    const before = Number(output.dataset.finished);
    const start = performance.now();
    document.querySelector(selector).click();
    const poll = () => Number(output.dataset.finished) > before && (!done || document.querySelector(done))
      ? resolve(performance.now() - start)
      : requestAnimationFrame(poll);
    requestAnimationFrame(poll);
  }), [selector, done]);
  visualiseTimes.push(await timed(".workbench .visualise-button", ".workbench .viz-svg"));
  traceBytes = await page.evaluate(() => window.__bench.traceBytes);
  plainTimes.push(await timed(".workbench .run-button", null));
}
const problems = ENGINES.flatMap((key) => open[key].page.problems.map((p) => `${engines[key].name}: ${p}`));
for (const key of ENGINES) await open[key].close();
await new Promise((done) => server.close(done));

// ---------------------------------------------------------------------------------------------
// Sizes: what each engine's files weigh, and where the engine wasm's bytes go

const pylingsFiles = site.files.filter((f) => !f.path.startsWith("/pyodide/") && /\.(wasm|js)$/.test(f.path));
const pyodideFiles = site.files.filter((f) => f.path.startsWith("/pyodide/pyodide") || f.path.endsWith("python_stdlib.zip"));
const engineWasmFile = site.files.find((f) => f.path.startsWith("/pylings-worker") && f.path.endsWith(".wasm"));
const engineWasm = readFileSync(join(site.root, engineWasmFile.path));
const best = QUICK ? null : await bestSizes(engineWasm, join(ROOT, "target/bench/cache"));
const quickBrotli = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }).length;
const sections = wasmSections(engineWasm).filter((s) => s.size > 50_000);
const sectionRows = sections.map((s) => ({ ...s, brotli: quickBrotli(engineWasm.subarray(s.offset, s.offset + s.size)) }));
const wholeQuick = quickBrotli(engineWasm);
const dataSection = wasmSections(engineWasm).find((s) => s.name === "data");
const frozenLibs = dataSection ? findFrozenLibs(engineWasm, dataSection.offset, dataSection.offset + dataSection.size) : [];
const frozenRows = frozenLibs.map((lib) => {
  const lz4 = Buffer.concat(lib.modules.map((m) => m.code));
  const unpacked = Buffer.concat(lib.modules.map((m) => unlz4(m.code)));
  const needed = lib.modules.filter((m) => startModules.has(m.name));
  return {
    lib,
    first: lib.modules.slice(0, 3).map((m) => m.name),
    lz4: lz4.length,
    lz4Brotli: quickBrotli(lz4),
    unpacked: unpacked.length,
    unpackedBrotli: quickBrotli(unpacked),
    needed: needed.length,
    neededLz4: needed.reduce((s, m) => s + m.code.length, 0),
    neededBrotli: needed.length ? quickBrotli(Buffer.concat(needed.map((m) => m.code))) : 0,
  };
});
// The stdlib bundles Pylings fetches on demand, against the same modules as bytecode.
const bundleFiles = site.files.filter((f) => f.path.startsWith("/stdlib/"));
const BYTECODE = join(ROOT, "target/bench/bytecode");
const bytecode = existsSync(join(BYTECODE, "compile.json"))
  ? (() => {
      const compileMs = JSON.parse(readFileSync(join(BYTECODE, "compile.json"), "utf8"));
      const best = (bytes) =>
        brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_LGWIN]: 24 } }).length;
      let raw = 0;
      let br = 0;
      for (const top of Object.keys(compileMs)) {
        const marshal = readFileSync(join(BYTECODE, `${top}.marshal`));
        raw += marshal.length;
        br += best(marshal);
      }
      return { raw, br, bundles: Object.keys(compileMs).length, compileMs: Object.values(compileMs).reduce((a, b) => a + b, 0) };
    })()
  : null;

// ---------------------------------------------------------------------------------------------
// The report

const coldOf = (key, network) => cold[`${key}/${network.name}`];
const coldMedian = (key, network, field) => median(coldOf(key, network).map((run) => run[field]));
const [LOOPBACK, THROTTLED] = NETWORKS;

const lines = [];
const say = (...more) => lines.push(...more);
const now = new Date();
say(
  `# Pylings vs Pyodide (${now.toISOString()}${QUICK ? ", --quick: not for numbers" : ""})`,
  "",
  `Chromium ${chromiumVersion} headless, ${cpus().length} cores (load average ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end), Pyodide ${JSON.parse(readFileSync(join(ROOT, "node_modules/pyodide/package.json"), "utf8")).version} from npm, ` +
    `native ${python3 ?? "python3: not installed"}. Both served by tests/e2e/static-server.mjs from local files with precompressed siblings ` +
    `(Pylings: those dist/ ships, else brotli 11; Pyodide: brotli 11), with cache headers as a host gives them (dist/_headers; Pyodide's files immutable, as its CDN serves them). ` +
    `Every browser has a fresh profile of its own. Engines interleaved. ` +
    `Cold: ${COLD_RUNS} fresh browser profiles per engine and network; warm: median of ${WARM_RUNS} runs after a warm-up; Stop: ${STOP_RUNS}.`,
  "",
  "## Downloads",
  "",
  "| file | raw | gzip | brotli (as served) |",
  "| --- | --- | --- | --- |",
  ...pylingsFiles.map((f) => `| Pylings ${f.path} | ${MB(f.raw)} | ${MB(f.gz)} | ${MB(f.br)} |`),
  ...pyodideFiles.map((f) => `| Pyodide ${f.path.replace("/pyodide/", "")} | ${MB(f.raw)} | ${MB(f.gz)} | ${MB(f.br)} |`),
  "",
  `Engine wasm (${engineWasmFile.path}, ${MB(engineWasm.length)}) by section, raw and brotli 5 (a quick setting, for shares; ` +
    `whole file ${MB(wholeQuick)} at brotli 5${best ? `, ${MB(best.br)} at brotli 11 window 24 against ${MB(engineWasmFile.br)} as served` : ""}):`,
  "",
  "| section | raw | brotli 5 | share of brotli 5 |",
  "| --- | --- | --- | --- |",
  ...sectionRows.map((s) => `| ${s.name} | ${MB(s.size)} | ${MB(s.brotli)} | ${((100 * s.brotli) / wholeQuick).toFixed(0)}% |`),
  "",
  "Python frozen into the engine wasm (each module a marshalled code object in an LZ4 block: RustPython's py_freeze! compresses it, Pylings' build stores it so that brotli can), per frozen lib, brotli 5:",
  "",
  "| frozen lib (first modules) | modules | lz4 as stored | its brotli 5 | unpacked | its brotli 5 | imported by a first run |",
  "| --- | --- | --- | --- | --- | --- | --- |",
  ...frozenRows.map(
    (r) =>
      `| ${r.first.join(", ")}, … | ${r.lib.modules.length} | ${MB(r.lz4)} | ${MB(r.lz4Brotli)} | ${MB(r.unpacked)} | ${MB(r.unpackedBrotli)} | ` +
      `${r.needed} modules, ${MB(r.neededLz4)} lz4, ${MB(r.neededBrotli)} brotli 5 |`,
  ),
  "",
  `A first run (print(1)) has imported ${startModules.size} modules.`,
  "",
  "## Standard library on demand",
  "",
  `Modules not frozen in are fetched on first import, one bundle of source per top-level package (dist/stdlib/). ` +
    `Bundles as served: ${bundleFiles.length} files, ${MB(bundleFiles.reduce((s, f) => s + f.raw, 0))} raw, ${MB(bundleFiles.reduce((s, f) => s + f.br, 0))} brotli.` +
    (bytecode
      ? ` The same modules as bytecode (marshalled code objects, ${bytecode.bundles} bundles): ${MB(bytecode.raw)} raw, ${MB(bytecode.br)} brotli 11 ` +
        `(${x(ratio(bytecode.br, bundleFiles.reduce((s, f) => s + f.br, 0)))} the source's). ` +
        `Compiling all of that source took ${ms(bytecode.compileMs)} in a native build (the browser's wasm is slower), which a bundle pays only for the modules imported.`
      : " (No target/bench/bytecode/: run through cargo xtask bench for the bytecode comparison.)"),
  "",
  "First import, ms inside Python (Pylings' browser cache empty, so it includes fetching the bundles; in this order, so later ones reuse what earlier ones imported):",
  "",
  `| module | Pylings, loopback | Pyodide, loopback | Pylings, ${THROTTLED.name} | Pyodide, ${THROTTLED.name} |`,
  "| --- | --- | --- | --- | --- |",
  ...IMPORTS.map(
    (m) =>
      `| ${m} | ${ms(firstImports[m]["pylings/loopback"])} | ${ms(firstImports[m]["pyodide/loopback"])} | ` +
      `${ms(firstImports[m]["pylings/throttled"])} | ${ms(firstImports[m]["pyodide/throttled"])} |`,
  ),
  "",
  "## Cold start",
  "",
  "Milliseconds from navigation (median, with min–max); bytes are response bodies as transferred (compressed).",
  "",
  "| measure | network | Pylings | Pyodide | Pylings / Pyodide |",
  "| --- | --- | --- | --- | --- |",
);
for (const network of NETWORKS) {
  const text = coldOf("pylings", network).map((r) => r.textVisible);
  say(`| lesson text visible | ${network.name} | ${ms(median(text))}${spread(text)} | — | — |`);
  const outputs = ENGINES.map((key) => coldOf(key, network).map((r) => r.firstOutput));
  say(
    `| first output of print(1) | ${network.name} | ${ms(median(outputs[0]))}${spread(outputs[0])} | ${ms(median(outputs[1]))}${spread(outputs[1])} | ` +
      `${x(ratio(median(outputs[0]), median(outputs[1])))} |`,
  );
}
for (const network of NETWORKS) {
  const runs = ENGINES.map((key) => second[`${key}/${network.name}`]);
  const text = runs[0].map((r) => r.textVisible);
  const outputs = runs.map((list) => list.map((r) => r.firstOutput));
  const sw = runs[0].every((r) => r.controlled) ? "service worker" : "HTTP cache";
  say(
    `| second visit (new tab, ${sw} / HTTP cache): lesson text visible | ${network.name} | ${ms(median(text))}${spread(text)} | — | — |`,
    `| second visit: first output of print(1) | ${network.name} | ${ms(median(outputs[0]))}${spread(outputs[0])} | ${ms(median(outputs[1]))}${spread(outputs[1])} | ` +
      `${x(ratio(median(outputs[0]), median(outputs[1])))} |`,
  );
}
const bytesBefore = ENGINES.map((key) => coldMedian(key, LOOPBACK, "bytesBeforeOutput"));
const bytesTotal = ENGINES.map((key) => coldMedian(key, LOOPBACK, "bytesTotal"));
say(
  `| bytes before first output | loopback | ${MB(bytesBefore[0])} | ${MB(bytesBefore[1])} | ${x(ratio(bytesBefore[0], bytesBefore[1]))} |`,
  `| bytes in all (until the network is quiet) | loopback | ${MB(bytesTotal[0])} | ${MB(bytesTotal[1])} | ${x(ratio(bytesTotal[0], bytesTotal[1]))} |`,
);
for (const network of NETWORKS) {
  say(
    `| engine requested / engine wasm downloaded | ${network.name} | ${ms(coldMedian("pylings", network, "engineRequested"))} / ${ms(coldMedian("pylings", network, "engineDownloaded"))} | ` +
      `${ms(coldMedian("pyodide", network, "engineRequested"))} / ${ms(coldMedian("pyodide", network, "engineDownloaded"))} | — |`,
  );
}
say("", "Requests of the first cold load on 20 Mbit/s (ms from navigation: start → end, bytes):", "");
for (const key of ENGINES) {
  const run = coldOf(key, THROTTLED)[0];
  say(`- ${engines[key].name} (first output at ${ms(run.firstOutput)}):`);
  for (const r of run.requests) say(`  - ${r.path}: ${Math.round(r.start)} → ${Math.round(r.end)}, ${r.cached ? "from the browser's cache" : `${r.bytes.toLocaleString("en")} B`}`);
}

say(
  "",
  "## Warm run time",
  "",
  "Milliseconds inside Python (time.perf_counter around the work), median of the timed runs.",
  "",
  "| program | Pylings | Pyodide | CPython (native) | Pylings / Pyodide | Pylings / CPython | Pyodide / CPython |",
  "| --- | --- | --- | --- | --- | --- | --- |",
);
const ratios = { toPyodide: [], toCPython: [], pyodideToCPython: [] };
const agreement = [];
for (const program of programs) {
  const row = warm[program.name];
  const [pyl, pyo, cpy] = [median(row.pylings), median(row.pyodide), median(row.cpython)];
  const r1 = ratio(pyl, pyo);
  const r2 = ratio(pyl, cpy);
  const r3 = ratio(pyo, cpy);
  if (r1) ratios.toPyodide.push(r1);
  if (r2) ratios.toCPython.push(r2);
  if (r3) ratios.pyodideToCPython.push(r3);
  const results = Object.values(row.results).filter((v) => v != null);
  if (new Set(results).size > 1) agreement.push(`${program.name}: results differ: ${JSON.stringify(row.results)}`);
  agreement.push(...[...new Set(row.errors)].map((e) => `${program.name}: ${e}`));
  say(`| ${program.name} | ${ms(pyl)} | ${ms(pyo)} | ${ms(cpy)} | ${x(r1)} | ${x(r2)} | ${x(r3)} |`);
}
const gmToPyodide = geomean(ratios.toPyodide);
say(
  `| **geometric mean** | | | | **${x(gmToPyodide)}** | ${x(geomean(ratios.toCPython))} | ${x(geomean(ratios.pyodideToCPython))} |`,
  "",
  agreement.length ? `Problems: ${agreement.join("; ")}` : "Every program printed the same result on all three.",
  "",
  "## Memory of the workers",
  "",
  "Read over CDP in each worker (performance.measureUserAgentSpecificMemory needs cross-origin isolation, which neither page has): its wasm linear memory " +
    "(which only grows) and its JS heap in use. Pylings keeps a warm spare worker next to the one that runs, so its page has two.",
  "",
  "| when | Pylings, worker that ran the programs | Pylings, all workers | Pyodide |",
  "| --- | --- | --- | --- |",
);
const describe = (worker) => (worker ? `${MiB(worker.wasm)} wasm + ${MiB(worker.heap)} JS${worker.error ? ` (${worker.error})` : ""}` : "—");
for (const [when, label] of [["start", "after start (print(1) run)"], ["end", "after the programs"]]) {
  const pylings = memory[when].pylings;
  const busiest = [...pylings].sort((a, b) => (b.wasm ?? 0) - (a.wasm ?? 0))[0];
  const sum = pylings.reduce((s, w) => s + (w.wasm ?? 0) + (w.heap ?? 0), 0);
  say(`| ${label} | ${describe(busiest)} | ${pylings.length} workers, ${MiB(sum)} | ${describe(memory[when].pyodide[0])} |`);
}
const workersTotal = (workers) => `${workers.length} worker${workers.length === 1 ? "" : "s"}, ${MiB(workers.reduce((s, w) => s + (w.wasm ?? 0) + (w.heap ?? 0), 0))}`;
say(
  "",
  "On a phone-sized screen (390 by 844; also where `navigator.deviceMemory` is 2 GB or less) Pylings starts its spare worker only after a first Stop, " +
    "so until then a Stop waits for a fresh engine:",
  "",
  "| Pylings on a phone | workers |",
  "| --- | --- |",
  `| after start (print(1) run) | ${workersTotal(memory.phoneStart)} |`,
  `| after a Stop (${ms(phoneStop.total)} from Stop to the next output, with no spare to hand over to) | ${workersTotal(memory.phoneAfterStop)} |`,
);
say(
  "",
  "## Stop, then the next run",
  "",
  "`while True: pass` runs for a second, then Stop, then `print(n)` is run: ms from the Stop click to its output. Pylings hands over to its warm spare worker; " +
    "the Pyodide page terminates its worker and starts a new one, which loads Pyodide again (from the browser's cache; without cross-origin isolation " +
    "there is no interrupt buffer). Pylings' time includes the harness setting the editor's code between Stop and Run. For comparison, print(n) on the warm worker.",
  "",
  "| | Pylings | Pyodide |",
  "| --- | --- | --- |",
  `| Stop → next output | ${ms(median(stops.pylings.map((s) => s.total)))}${spread(stops.pylings.map((s) => s.total))} | ${ms(median(stops.pyodide.map((s) => s.total)))}${spread(stops.pyodide.map((s) => s.total))} |`,
  `| Run click → output (after Stop) | ${ms(median(stops.pylings.map((s) => s.afterRun)))} | ${ms(median(stops.pyodide.map((s) => s.afterRun)))} |`,
  `| Run click → output, warm worker, no Stop | ${ms(median(prints.pylings))}${spread(prints.pylings)} | ${ms(median(prints.pyodide))}${spread(prints.pyodide)} |`,
);

say(
  "",
  "## Turtle graphics",
  "",
  "A `speed(0)` program drawing 10,000 segments (`forward(1 + i % 200)`, `left(61)`): ms from the Run click to the drawing complete on the canvas (warm worker).",
  "",
  "| | Pylings |",
  "| --- | --- |",
  `| 10,000 segments, Run → drawn | ${ms(median(turtleTimes))}${spread(turtleTimes)} |`,
);

say(
  "",
  "## Visualiser",
  "",
  "A loop updating a dict and a list that reaches the 1,000-step limit: ms from the Visualise click to the step view shown (warm worker), the recording's size " +
    "(JSON as the worker sends it; object states are stored once), and the same program run with Run, which is not traced " +
    "(it runs 2,000 iterations, the recording stops after about 330).",
  "",
  "| | Pylings |",
  "| --- | --- |",
  `| 1,000 steps, Visualise → step view | ${ms(median(visualiseTimes))}${spread(visualiseTimes)} |`,
  `| recording size | ${traceBytes == null ? "n/a" : `${(traceBytes / 1024).toFixed(0)} KiB`} |`,
  `| the same program, Run → finished | ${ms(median(plainTimes))}${spread(plainTimes)} |`,
);

// Targets (issue 9), from this run.
const outputRatio = (network) => ratio(coldMedian("pylings", network, "firstOutput"), coldMedian("pyodide", network, "firstOutput"));
const textRuns = NETWORKS.flatMap((network) => coldOf("pylings", network));
const textFirst = textRuns.every((r) => r.engineDownloaded == null || r.textVisible < r.engineDownloaded);
const engineBytesBeforeText = Math.max(...textRuns.map((r) => r.engineBytesBeforeText ?? 0));
const targets = [
  ["compressed bytes before first output ≤ 1/2 of Pyodide's", x(ratio(bytesBefore[0], bytesBefore[1])), ratio(bytesBefore[0], bytesBefore[1]) <= 0.5],
  ["cold first output ≤ 1/3 of Pyodide's, loopback", x(outputRatio(LOOPBACK)), outputRatio(LOOPBACK) <= 1 / 3],
  [`cold first output ≤ 1/3 of Pyodide's, ${THROTTLED.name}`, x(outputRatio(THROTTLED)), outputRatio(THROTTLED) <= 1 / 3],
  [
    "lesson text visible before any engine byte is needed",
    `text before the engine wasm had arrived in ${textRuns.filter((r) => r.engineDownloaded == null || r.textVisible < r.engineDownloaded).length}/${textRuns.length} loads; ` +
      `engine bytes arrived before the text: at most ${MB(engineBytesBeforeText)} ` +
      `(the engine is requested at once, beside the app; the text is drawn by the app alone, before Python could run in ` +
      `${textRuns.filter((r) => r.textVisible != null && r.firstOutput != null && r.textVisible < r.firstOutput).length}/${textRuns.length} loads)`,
    textFirst,
  ],
  ["benchmark geometric mean ≤ 2× Pyodide's time", x(gmToPyodide), gmToPyodide != null && gmToPyodide <= 2],
];
say("", "## Targets", "", "| target | this run | |", "| --- | --- | --- |", ...targets.map(([name, value, met]) => `| ${name} | ${value} | ${met ? "met" : "**missed**"} |`));

if (problems.length) say("", `Page errors: ${problems.join("; ")}`);
say("");

const report = lines.join("\n");
console.log(report);
const results = join(HERE, "results");
mkdirSync(results, { recursive: true });
writeFileSync(join(results, "latest.md"), report);
if (!QUICK) {
  const stamp = now.toISOString().slice(0, 16).replace("T", "-").replace(":", "");
  writeFileSync(join(results, `${stamp}.md`), report);
}
