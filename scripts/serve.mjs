#!/usr/bin/env node
// A small static file server for the demo site (no dependencies).
//
//   node scripts/serve.mjs [--root site] [--port 8000]     (PORT=… also works)
//
// Listens on 127.0.0.1 only. Serves files with their proper MIME types
// (.wasm as application/wasm, which WebAssembly.instantiateStreaming needs),
// index.html for a folder, 404 for a missing file, and refuses any path that
// would leave the root. Pages whose file name starts with "csp-" are sent
// with a strict Content-Security-Policy header, so the demo can prove the
// widget works under one (CSP_PAGES gives some pages their own policy:
// csp-strict.html adds Trusted Types, csp-no-wasm.html forbids WebAssembly).
//
// Tests import it: `const { url, close } = await startServer({ root, port: 0 })`.
//
// Test-only faults: with `startServer({ faults: true })` (or `--faults` on the
// command line; never on by default), a request for /__fault/NAME/PATH serves
// PATH as usual, except that the file it names is broken the way NAME says
// (see FAULTS below): the .wasm answering 404 with an HTML page, a dataset of
// invalid JSON, a body that never comes, and so on. A page opened under the
// prefix loads embed.js, the glue and the .wasm under it too (they are
// relative URLs), so one URL puts a whole page in front of a broken network.

import http from "node:http";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import zlib from "node:zlib";
import { pathToFileURL } from "node:url";

export const MIME_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".htm": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".csv": "text/csv; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".ts": "text/plain; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
};

export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:";

/** The strictest policy the widget promises to run under: its own script, WebAssembly, Trusted Types. */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; require-trusted-types-for 'script'";

/** Pages with a policy of their own; any other csp-*.html page gets CSP. */
export const CSP_PAGES = {
  "csp-strict.html": STRICT_CSP,
  // The same without 'wasm-unsafe-eval': WebAssembly compilation is refused.
  "csp-no-wasm.html": STRICT_CSP.replace(" 'wasm-unsafe-eval'", ""),
};

/** The Content-Security-Policy header for a served file, or null. */
export function cspFor(file) {
  const name = path.basename(file);
  if (!name.startsWith("csp-")) return null;
  return Object.hasOwn(CSP_PAGES, name) ? CSP_PAGES[name] : CSP;
}

const HTML_404 = "<!doctype html>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n";
// What a single-page app's catch-all route or a captive portal sends for any path.
const HTML_PAGE = "<!doctype html>\n<html><head><title>Welcome</title></head><body><h1>Welcome to our site</h1></body></html>\n";

/**
 * Test-only faults, by name: which requests they break (a file-name test on the
 * path after the prefix) and how. `kind` says what the handler does:
 *   send    answer with `status`, `type` and `body` instead of the file
 *   retype  the file's own bytes with another Content-Type
 *   cut     the first `fraction` of the file's bytes, with its own type
 *   stall   never answer (the connection stays open until the client gives up
 *           or the server closes)
 *   stream  `bytes` bytes of JSON, chunked, with no Content-Length (or with a
 *           declared one when `declare` is set), stopping if the client leaves
 */
export const FAULTS = {
  "wasm-404": { match: /\.wasm$/, kind: "send", status: 404, type: "text/html; charset=utf-8", body: HTML_404 },
  "wasm-html": { match: /\.wasm$/, kind: "send", status: 200, type: "text/html; charset=utf-8", body: HTML_PAGE },
  "wasm-garbage": { match: /\.wasm$/, kind: "send", status: 200, type: "application/wasm", body: HTML_PAGE },
  "wasm-mime": { match: /\.wasm$/, kind: "retype", type: "text/plain; charset=utf-8" },
  "wasm-truncated": { match: /\.wasm$/, kind: "cut", fraction: 0.5 },
  "wasm-stall": { match: /\.wasm$/, kind: "stall" },
  "glue-404": { match: /(reader|revitalization_infographic)\.js$/, kind: "send", status: 404, type: "text/html; charset=utf-8", body: HTML_404 },
  "json-404": { match: /\.json$/, kind: "send", status: 404, type: "text/html; charset=utf-8", body: HTML_404 },
  "json-500": { match: /\.json$/, kind: "send", status: 500, type: "text/plain; charset=utf-8", body: "Internal Server Error\n" },
  "json-invalid": { match: /\.json$/, kind: "cut", fraction: 0.3 },
  "json-html": { match: /\.json$/, kind: "send", status: 200, type: "text/html; charset=utf-8", body: HTML_PAGE },
  "json-huge": { match: /\.json$/, kind: "stream", bytes: 6 * 1024 * 1024 },
  "json-huge-declared": { match: /\.json$/, kind: "stream", bytes: 6 * 1024 * 1024, declare: true },
  "json-stall": { match: /\.json$/, kind: "stall" },
};

const FAULT_PREFIX = /^\/__fault\/([a-z0-9-]+)(\/[^?#]*)?([?#].*)?$/;

/** Answers a faulty request; returns false when the fault does not apply to this file. */
async function serveFault(fault, res, realRoot, rest, method) {
  const found = fault.kind === "send" || fault.kind === "stall" || fault.kind === "stream" ? null : await resolveFile(realRoot, rest);
  if (typeof found === "number") {
    send(res, found);
    return;
  }
  const base = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };
  switch (fault.kind) {
    case "send":
      send(res, fault.status, fault.body, { ...base, "Content-Type": fault.type });
      return;
    case "stall":
      // Say nothing; the socket closes when the client aborts or close() drops it.
      return;
    case "retype":
    case "cut": {
      const bytes = await fsp.readFile(found.file);
      const body = fault.kind === "cut" ? bytes.subarray(0, Math.floor(bytes.length * fault.fraction)) : bytes;
      res.writeHead(200, {
        ...base,
        "Content-Type": fault.type ?? mimeType(found.file),
        "Content-Length": body.length,
      });
      res.end(method === "HEAD" ? undefined : body);
      return;
    }
    case "stream": {
      const headers = { ...base, "Content-Type": "application/json; charset=utf-8" };
      if (fault.declare) headers["Content-Length"] = fault.bytes;
      res.writeHead(200, headers);
      if (method === "HEAD") {
        res.end();
        return;
      }
      // A valid-looking JSON array of zeros, 64 KiB at a time, honouring back-pressure.
      const chunk = Buffer.from("0,".repeat(32 * 1024));
      let sent = 0;
      res.write("[");
      sent += 1;
      while (sent + chunk.length + 2 <= fault.bytes && !res.destroyed) {
        if (!res.write(chunk)) await drainedOrClosed(res);
        sent += chunk.length;
      }
      if (!res.destroyed) res.end("0]".padStart(fault.bytes - sent, " "));
      return;
    }
  }
}

export function mimeType(file) {
  return MIME_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
}

function isInside(root, p) {
  return p === root || p.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}

function send(res, status, body, headers = {}) {
  const text = body ?? `${status} ${http.STATUS_CODES[status] ?? ""}\n`;
  res.writeHead(status, {
    "Content-Type": "text/plain; charset=utf-8",
    "Content-Length": Buffer.byteLength(text),
    "X-Content-Type-Options": "nosniff",
    ...headers,
  });
  res.end(res.req.method === "HEAD" ? undefined : text);
}

/** Resolves a request path to a file inside root, or returns an HTTP status. */
async function resolveFile(realRoot, rawUrl) {
  // The raw request target, not a WHATWG URL: a URL parser would quietly
  // normalise "/../" and "%2e%2e" away instead of letting us refuse them.
  let pathname = rawUrl.split(/[?#]/, 1)[0];
  if (!pathname.startsWith("/")) return 400;
  try {
    pathname = decodeURIComponent(pathname);
  } catch {
    return 400;
  }
  if (pathname.includes("\0") || pathname.includes("\\")) return 400;
  // Any ".." segment is refused outright, even one that would stay inside.
  if (pathname.split("/").includes("..")) return 403;

  let file = path.resolve(realRoot, "." + pathname);
  if (!isInside(realRoot, file)) return 403;

  let stat;
  try {
    // Follow symlinks, then check again that the target is still inside.
    file = await fsp.realpath(file);
    if (!isInside(realRoot, file)) return 403;
    stat = await fsp.stat(file);
    if (stat.isDirectory()) {
      // "/demo" → "/demo/", so the page's relative links resolve.
      if (!pathname.endsWith("/")) return { redirect: rawUrl.replace(/^([^?#]*)/, "$1/") };
      file = path.join(file, "index.html");
      stat = await fsp.stat(file);
    }
  } catch {
    return 404;
  }
  return stat.isFile() ? { file, stat } : 404;
}

// What `gzip: true` compresses: text and WebAssembly, not images.
const COMPRESSIBLE = /\.(html|m?js|css|json|wasm|svg|txt|md)$/;

/** Resolves when `res` can take more, or has closed; takes both listeners off either way
 * (left on, each wait of a long stream added a "close" listener: Node warned at the 11th). */
function drainedOrClosed(res) {
  return new Promise((resolve) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.once("drain", done).once("close", done);
  });
}

/**
 * Starts the server. Resolves to { url, port, server, close } once listening.
 * port 0 picks a free port. `log` is a function (e.g. console.log) or null. `gzip: true` sends
 * text and wasm gzip-encoded (level 9) to a client that accepts it, as a CDN would: the
 * benchmark's mobile profile.
 */
export async function startServer({ root, port = 0, host = "127.0.0.1", log = null, faults = false, gzip = false } = {}) {
  if (!root) throw new Error("startServer: root is required");
  const realRoot = await fsp.realpath(path.resolve(root));
  if (!(await fsp.stat(realRoot)).isDirectory()) {
    throw new Error(`startServer: ${root} is not a folder`);
  }

  const server = http.createServer(async (req, res) => {
    res.on("close", () => log?.(`${res.statusCode} ${req.method} ${req.url}`));
    try {
      if (req.method !== "GET" && req.method !== "HEAD") {
        send(res, 405, null, { Allow: "GET, HEAD" });
        return;
      }
      let target = req.url ?? "/";
      if (faults) {
        const m = FAULT_PREFIX.exec(target);
        if (m) {
          const fault = Object.hasOwn(FAULTS, m[1]) ? FAULTS[m[1]] : null;
          if (!fault) {
            send(res, 404, `unknown fault ${m[1]}; known: ${Object.keys(FAULTS).join(", ")}\n`);
            return;
          }
          const rest = (m[2] ?? "/") + (m[3] ?? "");
          if (fault.match.test(rest.split(/[?#]/, 1)[0])) {
            await serveFault(fault, res, realRoot, rest, req.method);
            return;
          }
          target = rest;
        }
      }
      const found = await resolveFile(realRoot, target);
      if (typeof found === "number") {
        send(res, found);
        return;
      }
      if (found.redirect) {
        // Under a fault prefix, the redirect keeps the prefix.
        const location = target === req.url ? found.redirect : req.url.replace(/^([^?#]*)/, "$1/");
        send(res, 301, null, { Location: location });
        return;
      }
      const { file, stat } = found;
      const headers = {
        "Content-Type": mimeType(file),
        "Content-Length": stat.size,
        "Cache-Control": "no-cache",
        "X-Content-Type-Options": "nosniff",
      };
      const csp = cspFor(file);
      if (csp) headers["Content-Security-Policy"] = csp;
      if (gzip && COMPRESSIBLE.test(file) && /\bgzip\b/.test(req.headers["accept-encoding"] ?? "")) {
        const body = zlib.gzipSync(await fsp.readFile(file), { level: 9 });
        headers["Content-Encoding"] = "gzip";
        headers["Content-Length"] = body.length;
        headers.Vary = "Accept-Encoding";
        res.writeHead(200, headers);
        res.end(req.method === "HEAD" ? undefined : body);
        return;
      }
      res.writeHead(200, headers);
      if (req.method === "HEAD") {
        res.end();
        return;
      }
      const stream = fs.createReadStream(file);
      stream.on("error", () => res.destroy());
      stream.pipe(res);
    } catch (err) {
      log?.(`error: ${err?.stack ?? err}`);
      if (!res.headersSent) send(res, 500);
      else res.destroy();
    }
  });

  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });

  const actualPort = server.address().port;
  const url = `http://${host}:${actualPort}`;
  let closing = null;
  const close = () => {
    closing ??= new Promise((resolve) => {
      server.close(() => resolve());
      // Browsers keep connections alive: drop them so close() is prompt.
      server.closeAllConnections?.();
    });
    return closing;
  };
  return { url, port: actualPort, server, close };
}

function parseArgs(argv) {
  const opts = { root: "site", port: Number(process.env.PORT ?? 8000), faults: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [key, inline] = arg.split("=", 2);
    const value = () => inline ?? argv[++i];
    if (key === "--root") opts.root = value();
    else if (key === "--port") opts.port = Number(value());
    else if (key === "--faults") opts.faults = true;
    else if (key === "-h" || key === "--help") {
      console.log("usage: node scripts/serve.mjs [--root DIR] [--port N] [--faults]   (or PORT=N)");
      console.log("  --faults  also serve the test-only /__fault/NAME/PATH URLs (see FAULTS in the source)");
      process.exit(0);
    } else {
      console.error(`serve.mjs: unknown argument ${arg}`);
      process.exit(2);
    }
  }
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) {
    console.error(`serve.mjs: bad port ${opts.port}`);
    process.exit(2);
  }
  return opts;
}

async function main() {
  const { root, port, faults } = parseArgs(process.argv.slice(2));
  let handle;
  try {
    handle = await startServer({ root, port, faults, log: (line) => console.log(line) });
  } catch (err) {
    console.error(`serve.mjs: ${err.code === "EADDRINUSE" ? `port ${port} is in use (try PORT=8080)` : err.message}`);
    process.exit(1);
  }
  console.log(`Serving ${root}/ at ${handle.url}/  (Ctrl-C to stop)`);
  const stop = async () => {
    await handle.close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

const invokedDirectly =
  process.argv[1] &&
  (() => {
    try {
      return import.meta.url === pathToFileURL(fs.realpathSync(process.argv[1])).href;
    } catch {
      return false;
    }
  })();
if (invokedDirectly) await main();

export default startServer;
