import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The Nx workspace root (the folder holding nx.json), wherever a test runner was started. */
export function workspaceRoot(from = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'nx.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no nx.json above ${from}`);
    dir = parent;
  }
  return dir;
}
