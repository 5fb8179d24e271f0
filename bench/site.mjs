// The site the benchmark serves: a snapshot of dist/ at the root and Pyodide's npm files under
// /pyodide/ (with the benchmark's own page and worker for it), each file with precompressed
// `.br` and `.gz` siblings, as a host with precompression serves them: the siblings dist/ ships
// where it has them (what Pylings really serves), otherwise brotli quality 11 and gzip level 9
// made here (Pyodide's files always: its best case).
//
// It is built in target/bench/site/ rather than served from dist/ directly because Pyodide's files
// and the benchmark page must sit beside dist/'s, and another build may replace dist/ in the
// middle of a run. Compressed files are cached by content hash in target/bench/cache/, so a rerun
// does not spend minutes in brotli.
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** The Pyodide files a page that runs plain Python loads (no packages beyond the stdlib). */
export const PYODIDE_FILES = ["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"];

const COMPRESSIBLE = /\.(html|js|mjs|css|wasm|json|zip|svg|txt|map)$/;

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

function walk(dir) {
  const files = [];
  for (const name of readdirSync(dir)) {
    if (name.startsWith(".")) continue; // trunk's .stage while it builds
    if (/\.(br|gz)$/.test(name)) continue; // precompressed siblings: taken with their file
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files.push(...walk(path));
    else files.push(path);
  }
  return files;
}

/** Waits until dist/ looks complete: no trunk staging folder, index.html's files exist, and the
 *  precompressed siblings are written. */
async function waitForDist(dist, { tries = 60, delay = 10_000 } = {}) {
  for (let attempt = 0; ; attempt++) {
    const problem = distProblem(dist);
    if (!problem) return;
    if (attempt >= tries) throw new Error(`${dist}/ is not usable: ${problem}`);
    if (attempt === 0) console.error(`waiting for ${dist}/ (${problem})…`);
    await sleep(delay);
  }
}

function distProblem(dist) {
  if (!existsSync(join(dist, "index.html"))) return "no index.html (run `cargo xtask dist`)";
  if (existsSync(join(dist, ".stage"))) return "a build is writing it";
  const html = readFileSync(join(dist, "index.html"), "utf8");
  for (const [, path] of html.matchAll(/(?:href|src|path)[:=]\s*['"](?:\.?\/)([^'"]+)['"]/g)) {
    if (!existsSync(join(dist, path))) return `index.html names a missing /${path}`;
  }
  // A build that precompresses writes the siblings after the files: wait until it has.
  const files = walk(dist);
  if (files.some((file) => existsSync(file + ".br"))) {
    const missing = files.find((file) => COMPRESSIBLE.test(file) && statSync(file).size >= 65_536 && !existsSync(file + ".br"));
    if (missing) return `${relative(dist, missing)} has no .br yet`;
  }
  return null;
}

async function compressed(data, cache) {
  const hash = createHash("sha256").update(data).digest("hex").slice(0, 32);
  const br = join(cache, `${hash}.br`);
  const gz = join(cache, `${hash}.gz`);
  if (!existsSync(br)) {
    const out = await brotliAsync(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
        [constants.BROTLI_PARAM_LGWIN]: 24,
      },
    });
    writeFileSync(br + ".tmp", out);
    copyFileSync(br + ".tmp", br);
    rmSync(br + ".tmp");
  }
  if (!existsSync(gz)) {
    writeFileSync(gz + ".tmp", await gzipAsync(data, { level: 9 }));
    copyFileSync(gz + ".tmp", gz);
    rmSync(gz + ".tmp");
  }
  return { br, gz };
}

/**
 * Builds the site in `out` from `dist` and `pyodideDir`, with the benchmark's Pyodide page from
 * `pageDir`. Returns { root, files: [{ path (URL path), raw, br, gz }] }.
 */
/** Brotli quality 11 (window 24) and gzip 9 sizes of `data`, cached: { br, gz } in bytes. */
export async function bestSizes(data, cache) {
  mkdirSync(cache, { recursive: true });
  const { br, gz } = await compressed(data, cache);
  return { br: statSync(br).size, gz: statSync(gz).size };
}

export async function buildSite({ dist, pyodideDir, pageDir, out, cache }) {
  await waitForDist(dist);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(cache, { recursive: true });
  const sources = [
    ...walk(dist).map((file) => [file, relative(dist, file)]),
    ...PYODIDE_FILES.map((name) => [join(pyodideDir, name), join("pyodide", name)]),
    ...walk(pageDir).map((file) => [file, join("pyodide", relative(pageDir, file))]),
  ];
  // Read everything first (a snapshot), then compress (the slow part) a few at a time.
  const entries = sources.map(([from, to]) => ({
    to,
    data: readFileSync(from),
    // Siblings the build wrote are what a host serves: keep them as they are.
    shipped: existsSync(from + ".br") && existsSync(from + ".gz")
      ? { br: readFileSync(from + ".br"), gz: readFileSync(from + ".gz") }
      : null,
  }));
  if (distProblem(dist)) throw new Error(`${dist}/ changed while it was copied; run again`);
  const files = [];
  const started = Date.now();
  let announced = false;
  const queue = [...entries];
  async function worker() {
    for (let entry = queue.shift(); entry; entry = queue.shift()) {
      const target = join(out, entry.to);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, entry.data);
      const row = { path: "/" + entry.to.split("\\").join("/"), raw: entry.data.length, br: null, gz: null, shipped: !!entry.shipped };
      if (entry.shipped) {
        writeFileSync(target + ".br", entry.shipped.br);
        writeFileSync(target + ".gz", entry.shipped.gz);
        row.br = entry.shipped.br.length;
        row.gz = entry.shipped.gz.length;
      } else if (COMPRESSIBLE.test(entry.to) && entry.data.length >= 256) {
        if (!announced && Date.now() - started > 2_000) {
          console.error("compressing the served files (brotli 11, gzip 9; cached for next time)…");
          announced = true;
        }
        const { br, gz } = await compressed(entry.data, cache);
        copyFileSync(br, target + ".br");
        copyFileSync(gz, target + ".gz");
        row.br = statSync(br).size;
        row.gz = statSync(gz).size;
      }
      files.push(row);
    }
  }
  await Promise.all([worker(), worker()]);
  files.sort((a, b) => a.path.localeCompare(b.path));
  return { root: out, files };
}
