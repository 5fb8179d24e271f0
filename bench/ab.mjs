// A/B for one lever: the warm learner programs of bench/programs/ on two builds (or one build
// with and without a line of Python put before each program), their runs alternated in one
// headless Chromium so that machine noise hits both alike; prints each program's median and the
// geometric means. Used for the levers in bench/results/2026-12-04-warm-levers.md.
//
// Usage: node bench/ab.mjs DIST_A DIST_B [--runs N] [--prefix CODE]
//   DIST_A, DIST_B  two built dist/ folders (the same folder twice with --prefix)
//   --runs N        timed runs per program and build, after one warm-up (default 9)
//   --prefix CODE   Python put before each program on B only, e.g. "import gc; gc.freeze()"
// Measurements, not tests; wall-clock medians on a busy 2-core machine move by about 5 %.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { startServer } from "../tests/e2e/static-server.mjs";
import { FLAGS, runInWorkbench, setCode } from "../tests/e2e/harness.mjs";

const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  return at < 0 ? null : args.splice(at, 2)[1];
};
const runs = Number(option("--runs") ?? 9);
const prefix = option("--prefix");
if (args.length !== 2) {
  console.error("usage: node bench/ab.mjs DIST_A DIST_B [--runs N] [--prefix CODE]");
  process.exit(2);
}
const HERE = new URL(".", import.meta.url).pathname;
const programs = readdirSync(join(HERE, "programs"))
  .filter((f) => f.endsWith(".py"))
  .sort()
  .map((file) => ({ file, code: readFileSync(join(HERE, "programs", file), "utf8") }));

const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: FLAGS });
const servers = [];
const sides = [];
for (const [i, dist] of args.entries()) {
  const server = await startServer(dist, 0);
  servers.push(server);
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/lesson/print-and-comments`);
  sides.push({ page, prefix: i === 1 && prefix ? `${prefix}\n` : "" });
}

/** Runs `code` on one side; returns the TIME_MS it printed. */
async function timed({ page, prefix }, code) {
  await setCode(page, prefix + code);
  const result = await runInWorkbench(page, () => page.locator(".workbench .run-button").click(), 120_000);
  const time = result.stdout.match(/^TIME_MS ([\d.eE+-]+)$/m);
  if (!time) throw new Error(`no TIME_MS in ${JSON.stringify(result)}`);
  return Number(time[1]);
}

const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
const medians = [];
for (const program of programs) {
  for (const side of sides) await timed(side, program.code); // warm-up
  const times = sides.map(() => []);
  for (let run = 0; run < runs; run++) {
    for (const [i, side] of sides.entries()) times[i].push(await timed(side, program.code));
  }
  medians.push(times.map(median));
  console.log(`${program.file}: A ${median(times[0]).toFixed(0)} ms, B ${median(times[1]).toFixed(0)} ms`);
}
const geomean = (i) => Math.exp(medians.reduce((sum, row) => sum + Math.log(row[i]), 0) / medians.length);
console.log(`geometric mean: A ${geomean(0).toFixed(0)} ms, B ${geomean(1).toFixed(0)} ms, B/A ${(geomean(1) / geomean(0)).toFixed(3)}`);
await browser.close();
for (const server of servers) {
  server.closeAllConnections();
  server.close();
}
