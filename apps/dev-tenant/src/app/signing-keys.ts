import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SigningJwk {
  kty: 'RSA';
  kid: string;
  alg: 'RS256';
  use: 'sig';
  [member: string]: string;
}

/**
 * The tenant's RS256 signing keys. Generated on first start into the data folder (git-ignored)
 * and reused, so tokens survive a restart. Never committed, never shared with production.
 */
export function loadOrCreateSigningKeys(dataDir: string): SigningJwk[] {
  const file = join(dataDir, 'signing-keys.json');
  if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { keys: SigningJwk[] }).keys;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), alg: 'RS256', use: 'sig' } as SigningJwk;
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify({ keys: [jwk] }, null, 2), { mode: 0o600 });
  return [jwk];
}
