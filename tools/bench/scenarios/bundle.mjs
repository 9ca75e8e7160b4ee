// The console's initial JavaScript: the <script src> and modulepreload files of the built index.html,
// raw and gzipped (zlib level 9), as a browser downloads them before the first screen.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export function measureBundle({ root }) {
  const dir = join(root, 'dist/apps/console/browser');
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const files = [...new Set(initialScripts(html))].map((name) => {
    const content = readFileSync(join(dir, name));
    return { name, rawBytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
  });
  if (files.length === 0) throw new Error(`no initial scripts found in ${join(dir, 'index.html')}`);
  const sum = (key) => files.reduce((total, file) => total + file[key], 0);
  return { files, rawBytes: sum('rawBytes'), gzipBytes: sum('gzipBytes') };
}

/** src of every <script> and href of every <link rel="modulepreload">, in document order. */
function initialScripts(html) {
  const names = [];
  for (const [tag] of html.matchAll(/<(script|link)\b[^>]*>/gi)) {
    const attribute = (name) => tag.match(new RegExp(`\\b${name}\\s*=\\s*["']([^"']+)["']`, 'i'))?.[1];
    const file = tag.toLowerCase().startsWith('<script')
      ? attribute('src')
      : attribute('rel') === 'modulepreload'
        ? attribute('href')
        : undefined;
    if (file && !/^(https?:)?\/\//.test(file)) names.push(file.replace(/^\//, ''));
  }
  return names;
}
