// Serves the built console (dist/apps/console/browser) the way a static host does, plus its config.json.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

/**
 * Unknown paths get index.html (the console routes in the browser). Nothing may be cached, so each
 * page load downloads every script it needs.
 * @param {{ dir: string, port: number, config: object }} options
 * @returns {Promise<{ stop(): Promise<void> }>}
 */
export async function serveConsole({ dir, port, config }) {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const file = join(dir, normalize(path).replace(/^(\.\.[/\\])+/, ''));
    const found = file.startsWith(dir) && existsSync(file) && statSync(file).isFile();
    const target = found ? file : join(dir, 'index.html');
    response.setHeader('cache-control', 'no-store');
    if (path === '/config.json') {
      response.writeHead(200, { 'content-type': TYPES['.json'] });
      return void response.end(JSON.stringify(config));
    }
    response.writeHead(200, { 'content-type': TYPES[extname(target)] ?? 'application/octet-stream' });
    createReadStream(target).pipe(response);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
