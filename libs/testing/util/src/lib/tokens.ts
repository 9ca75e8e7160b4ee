import { createPrivateKey, generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { API_AUDIENCE, DEV_PASSWORD } from './stack';

export interface TokenResponse {
  access_token: string;
  id_token?: string;
  refresh_token?: string;
  expires_in: number;
  scope?: string;
}

/** Signs in through the dev tenant's password grant, as a CLI or test client would. */
export async function passwordGrant(
  tenantUrl: string,
  username: string,
  options: {
    password?: string;
    audience?: string;
    scope?: string;
  } = {},
): Promise<TokenResponse> {
  const response = await fetch(`${tenantUrl}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: 'steward-cli',
      username,
      password: options.password ?? DEV_PASSWORD,
      audience: options.audience ?? API_AUDIENCE,
      scope: options.scope ?? 'openid profile email offline_access',
    }),
  });
  const body = (await response.json()) as TokenResponse & {
    error?: string;
    error_description?: string;
  };
  if (!response.ok) throw new Error(`password grant failed: ${body.error}: ${body.error_description}`);
  return body;
}

export interface SigningKey {
  kid: string;
  key: KeyObject;
}

/** The dev tenant's own signing key, read from its data folder: tokens signed with it are "real". */
export function tenantSigningKey(tenantDataDir: string): SigningKey {
  const { keys } = JSON.parse(readFileSync(join(tenantDataDir, 'signing-keys.json'), 'utf8')) as {
    keys: { kid: string }[];
  };
  return {
    kid: keys[0].kid,
    key: createPrivateKey({ key: keys[0] as never, format: 'jwk' }),
  };
}

/** A fresh RSA key no issuer publishes. */
export function strangerKey(kid: string = randomUUID()): SigningKey {
  return {
    kid,
    key: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey,
  };
}

/**
 * Builds an RS256 JWT with any header and payload, valid or not: the tool for proving that the
 * API refuses every malformed or mis-claimed token.
 */
export function signJwt(payload: unknown, signer: SigningKey, header: Record<string, unknown> = {}): string {
  const encode = (part: unknown) => Buffer.from(JSON.stringify(part)).toString('base64url');
  const input = `${encode({ alg: 'RS256', typ: 'JWT', kid: signer.kid, ...header })}.${encode(payload)}`;
  return `${input}.${sign('sha256', Buffer.from(input), signer.key).toString('base64url')}`;
}

/** Claims of a well-formed Steward API access token for `tenantUrl`, to be varied by tests. */
export function accessTokenClaims(tenantUrl: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return {
    iss: `${tenantUrl}/`,
    sub: 'auth0|test-user',
    aud: [API_AUDIENCE, `${tenantUrl}/userinfo`],
    azp: 'steward-console',
    iat: now,
    exp: now + 600,
    scope: 'openid profile email',
    permissions: ['read:records'],
    'https://steward.local/roles': ['viewer'],
    ...overrides,
  };
}
