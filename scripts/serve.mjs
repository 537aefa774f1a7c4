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
// widget works under one.
//
// Tests import it: `const { url, close } = await startServer({ root, port: 0 })`.

import http from "node:http";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
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

/**
 * Starts the server. Resolves to { url, port, server, close } once listening.
 * port 0 picks a free port. `log` is a function (e.g. console.log) or null.
 */
export async function startServer({ root, port = 0, host = "127.0.0.1", log = null } = {}) {
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
      const found = await resolveFile(realRoot, req.url ?? "/");
      if (typeof found === "number") {
        send(res, found);
        return;
      }
      if (found.redirect) {
        send(res, 301, null, { Location: found.redirect });
        return;
      }
      const { file, stat } = found;
      const headers = {
        "Content-Type": mimeType(file),
        "Content-Length": stat.size,
        "Cache-Control": "no-cache",
        "X-Content-Type-Options": "nosniff",
      };
      if (path.basename(file).startsWith("csp-")) {
        headers["Content-Security-Policy"] = CSP;
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
  const opts = { root: "site", port: Number(process.env.PORT ?? 8000) };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [key, inline] = arg.split("=", 2);
    const value = () => inline ?? argv[++i];
    if (key === "--root") opts.root = value();
    else if (key === "--port") opts.port = Number(value());
    else if (key === "-h" || key === "--help") {
      console.log("usage: node scripts/serve.mjs [--root DIR] [--port N]   (or PORT=N)");
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
  const { root, port } = parseArgs(process.argv.slice(2));
  let handle;
  try {
    handle = await startServer({ root, port, log: (line) => console.log(line) });
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
