// A static file server for dist/, used by `cargo xtask serve`, the browser tests and the bench.
//
// Like a plain static host (GitHub Pages, nginx, a university web folder): no rewrite rules; a
// folder serves its index.html, and a folder asked for without its trailing slash is redirected
// to it; anything else missing is a 404. Correct MIME types (application/wasm lets the browser
// compile while downloading), and precompressed `.br`/`.gz` siblings served when the request's
// Accept-Encoding allows. `prefix` serves the site under a sub-path. Binds 127.0.0.1 only.
// Node's own http module: no dependency for fifty lines.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".webmanifest": "application/manifest+json",
  ".md": "text/markdown; charset=utf-8",
};

async function isFile(path) {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** Starts serving `root`; resolves to the node http.Server once listening on `port` (0 = any).
 *  `prefix` serves it under a sub-path; `isolated` adds the COOP/COEP headers. */
export async function startServer(root, port = 0, { prefix = "/", isolated = false } = {}) {
  const base = resolve(root);
  const server = createServer(async (request, response) => {
    const url = new URL(request.url, "http://localhost");
    let path = decodeURIComponent(url.pathname);
    if (!path.startsWith(prefix)) {
      response.writeHead(404).end("not found");
      return;
    }
    path = "/" + path.slice(prefix.length);
    let file = normalize(join(base, path));
    if (!file.startsWith(base)) {
      response.writeHead(403).end("forbidden");
      return;
    }
    if (!path.endsWith("/") && (await isFile(join(file, "index.html")))) {
      response.writeHead(301, { Location: url.pathname + "/" + url.search }).end();
      return;
    }
    if (path.endsWith("/")) file = join(file, "index.html");
    if (!(await isFile(file))) {
      response.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("not found");
      return;
    }
    // CORS as most static hosts send it: a sandboxed iframe (opaque origin) loads module scripts
    // and wasm in CORS mode.
    const headers = {
      "Content-Type": TYPES[extname(file)] ?? "application/octet-stream",
      "Vary": "Accept-Encoding",
      "Access-Control-Allow-Origin": "*",
    };
    if (isolated) {
      // As a host sending the cross-origin isolation headers would.
      headers["Cross-Origin-Opener-Policy"] = "same-origin";
      headers["Cross-Origin-Embedder-Policy"] = "require-corp";
      headers["Cross-Origin-Resource-Policy"] = "same-origin";
    }
    const accepted = request.headers["accept-encoding"] ?? "";
    let body = null;
    for (const [encoding, suffix] of [["br", ".br"], ["gzip", ".gz"]]) {
      if (accepted.includes(encoding) && (await isFile(file + suffix))) {
        body = await readFile(file + suffix);
        headers["Content-Encoding"] = encoding;
        break;
      }
    }
    body ??= await readFile(file);
    headers["Content-Length"] = body.length;
    response.writeHead(200, headers);
    response.end(request.method === "HEAD" ? undefined : body);
  });
  await new Promise((done) => server.listen(port, "127.0.0.1", done));
  return server;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [root = "dist", port = "8080", prefix = "/"] = process.argv.slice(2);
  const server = await startServer(root, Number(port), { prefix });
  console.log(`serving ${root} at http://127.0.0.1:${server.address().port}${prefix}`);
}
