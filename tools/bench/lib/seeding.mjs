// Records for the bench's databases, written by the seed tool (tools/seed/seed-records.mjs); the large
// database is kept between runs and reseeded only when its row count or its migrations changed.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import {
  appliedMigrations,
  countRecords,
  createDatabase,
  databaseExists,
  databaseUrl,
  dropDatabase,
  readComment,
  writeComment,
} from './database.mjs';

const SEED = 42;

/** Seeds `count` records into database `name` (its API must have run the migrations). */
export function seedRecords(root, name, count, log = () => undefined) {
  const script = join(root, 'tools/seed/seed-records.mjs');
  const args = [script, '--count', String(count), '--database-url', databaseUrl(name), '--seed', String(SEED)];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root });
    let output = '';
    const collect = (chunk) => {
      output += chunk;
      String(chunk)
        .split('\n')
        .filter(Boolean)
        .forEach((line) => log(`    seed: ${line.trim()}`));
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`seeding ${name} failed:\n${output}`))));
  });
}

/**
 * Opens the cached database `name` with `rows` records under the current migrations: starts the API on
 * it (which applies pending migrations) and reuses it when the note in the database's comment still
 * matches; otherwise recreates, migrates and seeds it.
 * @param {() => Promise<{ stop(): Promise<void> }>} startApi starts the API on database `name`
 * @returns {Promise<{ api: Awaited<ReturnType<typeof startApi>>, reused: boolean }>}
 */
export async function openCachedDatabase({ root, name, rows, startApi, log }) {
  if (!(await databaseExists(name))) await createDatabase(name);
  let api = await startApi();
  const note = await noteFor(name, rows);
  if ((await readComment(name)) === note && (await countRecords(name)) === rows) return { api, reused: true };

  log(`  ${name}: seeding ${rows} records (once; later runs reuse it while migrations and row count match)`);
  await api.stop();
  await dropDatabase(name);
  await createDatabase(name);
  api = await startApi();
  await seedRecords(root, name, rows, log);
  await writeComment(name, note);
  return { api, reused: false };
}

/** What the bench writes into the cached database's comment: rows, seed and a digest of the migrations. */
async function noteFor(name, rows) {
  const migrations = createHash('sha256')
    .update((await appliedMigrations(name)).join('\n'))
    .digest('hex')
    .slice(0, 16);
  return `steward bench: ${rows} records, seed ${SEED}, migrations ${migrations}`;
}
