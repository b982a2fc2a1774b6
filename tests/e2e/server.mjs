// The test pages, built with the real editors from npm and served on 127.0.0.1. Every
// request is logged, so tests can prove that nothing else was asked for.
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { connect } from 'node:net';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const tests = dirname(dirname(fileURLToPath(import.meta.url)));
const pages = join(tests, 'pages');
const out = join(tests, 'output', 'pages');
/** Real pages saved from the live sites (see their README), served as they are under /saved/. */
export const SAVED_PAGES = join(tests, '..', '..', 'shared', 'pages');

/** The sites the pages stand for; only these are tunnelled to the HTTPS port. */
const TEST_HOSTS = new Set(['x.com', 'www.linkedin.com', 'www.facebook.com', 'www.instagram.com', 'www.threads.com', 'www.reddit.com', 'mastodon.social', 'bsky.app', 'www.youtube.com',
  // Hosts no list names, for the sites the user enables from the popup.
  'social.example.org', 'forum.example.org']);

/** Pages served with a strict CSP: the extension must work there too. */
const CSP_PAGES = new Set(['/reddit.html', '/reddit-comments.html']);

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };

export async function buildPages() {
  mkdirSync(out, { recursive: true });
  await esbuild.build({
    entryPoints: ['draft', 'lexical', 'lexical-boxes', 'quill', 'quill1', 'quillshadow', 'tiptap-boxes', 'reddit', 'youtube', 'textarea'].map((n) => join(pages, 'src', `${n}.js`)),
    outdir: out,
    bundle: true,
    format: 'iife',
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    logLevel: 'warning',
  });
  copyFileSync(join(tests, 'node_modules', 'draft-js', 'dist', 'Draft.css'), join(out, 'draft.css'));
  copyFileSync(join(tests, 'node_modules', 'quill', 'dist', 'quill.core.css'), join(out, 'quill.css'));
  copyFileSync(join(tests, 'node_modules', 'quill1', 'dist', 'quill.core.css'), join(out, 'quill1.css'));
  copyFileSync(join(pages, 'reddit.css'), join(out, 'reddit.css'));
}

/** A self-signed certificate: Chromium insists on HTTPS for HSTS-preloaded hosts. */
function certificate() {
  const dir = join(tests, 'output', 'tls');
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  if (!existsSync(cert)) {
    mkdirSync(dir, { recursive: true });
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert,
      '-days', '30', '-subj', '/CN=sociable-test'], { stdio: 'ignore' });
  }
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

/**
 * Serves the pages over HTTP and HTTPS (two ports); `requests` lists every URL asked for.
 * Browsers reach it under the social hosts' names: Chromium through --host-resolver-rules,
 * Firefox through it as an HTTP proxy (absolute URLs).
 */
export async function startServer() {
  const requests = [];
  const handler = (scheme) => (req, res) => {
    const url = new URL(req.url, `${scheme}://${req.headers.host}`);
    requests.push(url.href);
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204);
      res.end();
      return;
    }
    let file;
    if (url.pathname.startsWith('/pages/')) file = join(out, url.pathname.slice('/pages/'.length));
    else if (/^\/[a-z0-9-]+\.html$/.test(url.pathname)) file = join(pages, url.pathname.slice(1));
    else if (/^\/saved\/[a-z0-9-]+\.html$/.test(url.pathname)) file = join(SAVED_PAGES, url.pathname.slice('/saved/'.length));
    if (!file || !existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
    if (CSP_PAGES.has(url.pathname)) headers['content-security-policy'] = "script-src 'self'";
    res.writeHead(200, headers);
    res.end(readFileSync(file));
  };
  const server = createServer(handler('http'));
  // HTTPS through the proxy arrives as CONNECT: tunnel the test hosts to our HTTPS port
  // (Firefox insists on HTTPS for HSTS-preloaded hosts), log and refuse everything else.
  server.on('connect', (req, socket, head) => {
    const [host, port] = req.url.split(':');
    if (port !== '443' || !TEST_HOSTS.has(host)) {
      requests.push(`connect://${req.url}`);
      socket.destroy();
      return;
    }
    const upstream = connect(tls.address().port, '127.0.0.1', () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    const end = () => { upstream.destroy(); socket.destroy(); };
    upstream.on('error', end);
    socket.on('error', end);
  });
  const tls = createTlsServer(certificate(), handler('https'));
  await Promise.all([server, tls].map((s) => new Promise((resolve) => s.listen(0, '127.0.0.1', resolve))));
  // Tunnelled CONNECT sockets are not the HTTP server's to close: track and end every socket
  // ourselves, and never wait on a close callback for more than a second.
  const sockets = new Set();
  for (const s of [server, tls]) {
    s.on('connection', (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
  }
  const close = (s) => Promise.race([
    new Promise((resolve) => s.close(resolve)),
    new Promise((resolve) => setTimeout(resolve, 1000)),
  ]);
  return {
    port: server.address().port,
    httpsPort: tls.address().port,
    requests,
    close: async () => {
      const closing = Promise.all([close(server), close(tls)]);
      for (const socket of sockets) socket.destroy();
      await closing;
    },
  };
}
