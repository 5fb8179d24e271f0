// `cargo xtask bench`: what Pylings costs a learner, measured on the built dist/.
//
// Prints the size of the app and engine wasm (raw, gzip -9, brotli q11: what a host with
// precompression serves), and, in headless Chromium over loopback, the time from navigation
// to the lesson text and to the first printed line of a one-line program. Medians of several
// cold loads (fresh browser context each). Measurements, not tests: nothing here fails on a time.
import { readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";
import { launch, openPage, setCode, runInWorkbench } from "../tests/e2e/harness.mjs";

const dist = process.argv[2] ?? "dist";
const RUNS = 5;

function sizes(file) {
  const data = readFileSync(file);
  const gzip = gzipSync(data, { level: 9 }).length;
  const brotli = brotliCompressSync(data, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
  }).length;
  return { raw: data.length, gzip, brotli };
}

const mb = (n) => (n / 1024 / 1024).toFixed(2) + " MiB";
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const wasm = readdirSync(dist).filter((f) => f.endsWith(".wasm") && statSync(join(dist, f)).isFile());
const rows = wasm.map((f) => ({ file: f, ...sizes(join(dist, f)) }));

const env = await launch();
const textVisible = [];
const firstOutput = [];
try {
  for (let i = 0; i < RUNS; i++) {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    const start = Date.now();
    await page.goto(`${env.base}/lesson/print-and-comments`);
    await page.locator("article.lesson h1").waitFor();
    textVisible.push(Date.now() - start);
    await setCode(page, "print(1)");
    await runInWorkbench(page, () => page.locator(".workbench .run-button").click());
    firstOutput.push(Date.now() - start);
    await context.close();
  }
} finally {
  await env.close();
}

const lines = [
  `# Pylings benchmark (${new Date().toISOString()})`,
  "",
  "| wasm | raw | gzip | brotli |",
  "| --- | --- | --- | --- |",
  ...rows.map((r) => `| ${r.file} | ${mb(r.raw)} | ${mb(r.gzip)} | ${mb(r.brotli)} |`),
  "",
  `Cold loads over loopback, median of ${RUNS} (fresh browser context each):`,
  "",
  "| measure | median | all runs (ms) |",
  "| --- | --- | --- |",
  `| navigation → lesson text visible | ${median(textVisible)} ms | ${textVisible.join(", ")} |`,
  `| navigation → first output of print(1) | ${median(firstOutput)} ms | ${firstOutput.join(", ")} |`,
  "",
];
const report = lines.join("\n");
console.log(report);
mkdirSync("bench/results", { recursive: true });
writeFileSync("bench/results/latest.md", report);
