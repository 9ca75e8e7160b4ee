#!/usr/bin/env node
// The console's initial JavaScript — what index.html loads before anything is lazy — raw and gzip.
// `npx nx bundle-size console` builds the console and fails above the SPEC §9 target; the Angular
// build's own budget (apps/console/project.json) can only measure raw bytes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(import.meta.dirname, '../..');
/** SPEC §9: console initial JavaScript ≤ 150 kB gzip. */
export const GZIP_LIMIT = 150 * 1000;

/** Scripts and module preloads of index.html, plus whatever they import statically. */
function initialScripts(dir) {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const queue = [...html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="([^"]+\.js)"/g)].map((match) => match[1]);
  const seen = new Set();
  while (queue.length > 0) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(dir, file), 'utf8');
    // Static imports only (`import{a}from"./chunk-X.js"`, `import"./x.js"`), never `import("./x.js")`.
    for (const match of code.matchAll(/\bimport\s*(?:[\w*{][^;("']*?from\s*)?["']\.\/([^"']+\.js)["']/g)) {
      queue.push(match[1]);
    }
  }
  return [...seen];
}

/**
 * Measures the initial JavaScript of a built console: each file's raw and gzip size (level 9,
 * what a server that compresses ahead of time sends), and the totals.
 */
export function measureConsoleBundle(dir = join(root, 'dist/apps/console/browser')) {
  const files = initialScripts(dir).map((file) => {
    const bytes = readFileSync(join(dir, file));
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  const sum = (key) => files.reduce((total, file) => total + file[key], 0);
  return { files, raw: sum('raw'), gzip: sum('gzip') };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { files, raw, gzip } = measureConsoleBundle(process.argv[2]);
  const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`.padStart(9);
  for (const file of files) console.log(`${kB(file.raw)} ${kB(file.gzip)}  ${file.file}`);
  const met = gzip <= GZIP_LIMIT;
  console.log(
    `${kB(raw)} ${kB(gzip)}  initial JavaScript (gzip target ≤ ${GZIP_LIMIT / 1000} kB: ${met ? 'met' : 'NOT met'})`,
  );
  process.exit(met ? 0 : 1);
}
