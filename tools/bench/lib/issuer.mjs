// The JWKS stand-in every server in the bench trusts (the .mjs twin of libs/testing/util's FakeIssuer,
// plus OIDC discovery, which express-oauth2-jwt-bearer needs) and the tokens it signs.
import { createPublicKey, generateKeyPairSync, sign } from 'node:crypto';
import { createServer } from 'node:http';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

export const AUDIENCE = 'https://api.steward.local/';
export const ROLES_CLAIM = 'https://steward.local/roles';

/**
 * Starts the issuer on a free loopback port.
 * @returns {Promise<{ url: string, publicKey: import('node:crypto').KeyObject, jwksFetches(): number,
 *   token(claims?: object): string, stop(): Promise<void> }>}
 */
export async function startIssuer() {
  const kid = 'bench-key-1';
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwks = JSON.stringify({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' }] });
  let fetches = 0;
  let url = '';
  const server = createServer((request, response) => {
    if (request.url === '/.well-known/jwks.json') {
      fetches += 1;
      return void response.writeHead(200, { 'content-type': 'application/json' }).end(jwks);
    }
    if (request.url === '/.well-known/openid-configuration') {
      const metadata = {
        issuer: url,
        jwks_uri: `${url}.well-known/jwks.json`,
        id_token_signing_alg_values_supported: ['RS256'],
      };
      return void response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(metadata));
    }
    response.writeHead(404).end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${server.address().port}/`;
  return {
    url,
    publicKey: createPublicKey(publicKey.export({ format: 'pem', type: 'spki' })),
    jwksFetches: () => fetches,
    token: (claims = {}) => signJwt({ ...userClaims(url, 'auth0|bench-user'), ...claims }, privateKey, kid),
    signing: { keyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }), kid },
    stop: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Claims of a Steward access token for a signed-in user who may read records, valid for an hour. */
export function userClaims(issuer, sub) {
  const now = Math.floor(Date.now() / 1000);
  return {
    iss: issuer,
    sub,
    aud: [AUDIENCE, `${issuer}userinfo`],
    azp: 'steward-console',
    iat: now,
    exp: now + 3600,
    scope: 'openid profile email',
    permissions: ['read:records'],
    [ROLES_CLAIM]: ['viewer'],
  };
}

/**
 * `count` distinct valid tokens, one subject each, signed on every core (an RS256 signature costs
 * about a millisecond, and a full run needs a fresh token for every request it measures).
 */
export async function distinctTokens(issuer, count) {
  const workers = Math.min(availableParallelism(), Math.max(1, Math.floor(count / 1_000)));
  const share = Math.ceil(count / workers);
  const parts = Array.from({ length: workers }, (_, w) => {
    const range = { from: w * share, to: Math.min(count, (w + 1) * share) };
    const worker = new Worker(new URL('./token-signer.mjs', import.meta.url), {
      workerData: { ...issuer.signing, issuer: issuer.url, ...range },
    });
    return new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    }).finally(() => worker.terminate());
  });
  return (await Promise.all(parts)).flat();
}

export function signJwt(payload, key, kid) {
  const encode = (part) => Buffer.from(JSON.stringify(part)).toString('base64url');
  const input = `${encode({ alg: 'RS256', typ: 'JWT', kid })}.${encode(payload)}`;
  return `${input}.${sign('sha256', Buffer.from(input), key).toString('base64url')}`;
}
