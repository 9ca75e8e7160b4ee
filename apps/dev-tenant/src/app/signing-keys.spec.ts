import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrCreateSigningKeys } from './signing-keys';

describe('loadOrCreateSigningKeys', () => {
  let root: string;
  let dataDir: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'signing-keys-'));
    dataDir = join(root, 'data', 'dev-tenant');
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  describe('on first start', () => {
    it('should create one private RS256 signing key with a kid', () => {
      const keys = loadOrCreateSigningKeys(dataDir);
      expect(keys).toHaveLength(1);
      const [jwk] = keys;
      expect(jwk).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
      expect(jwk.kid).toMatch(/^[0-9a-f-]{36}$/);
      expect(jwk['d']).toEqual(expect.any(String));
    });

    it('should create a key that signs and verifies', () => {
      const [jwk] = loadOrCreateSigningKeys(dataDir);
      const privateKey = createPrivateKey({ key: jwk, format: 'jwk' });
      expect(privateKey.asymmetricKeyType).toBe('rsa');
      expect(privateKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
      const signature = sign('sha256', Buffer.from('payload'), privateKey);
      expect(verify('sha256', Buffer.from('payload'), createPublicKey(privateKey), signature)).toBe(true);
    });

    it('should store the keys readable by the owner only', () => {
      loadOrCreateSigningKeys(dataDir);
      expect(statSync(join(dataDir, 'signing-keys.json')).mode & 0o777).toBe(0o600);
    });
  });

  describe('on a later start', () => {
    it('should return the stored key without replacing it', () => {
      const [first] = loadOrCreateSigningKeys(dataDir);
      const stored = readFileSync(join(dataDir, 'signing-keys.json'), 'utf8');
      const [second] = loadOrCreateSigningKeys(dataDir);
      expect(second).toEqual(first);
      expect(readFileSync(join(dataDir, 'signing-keys.json'), 'utf8')).toBe(stored);
    });

    it('should give another data folder another key', () => {
      const [first] = loadOrCreateSigningKeys(dataDir);
      const [other] = loadOrCreateSigningKeys(join(root, 'elsewhere'));
      expect(other.kid).not.toBe(first.kid);
      expect(other['n']).not.toBe(first['n']);
    });
  });
});
