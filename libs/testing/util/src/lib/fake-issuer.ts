import { createPublicKey } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signJwt, strangerKey, type SigningKey } from './tokens';

export type IssuerMode = 'up' | 'down' | 'slow';

/**
 * A token issuer the test suite controls: it holds the signing keys (so tests can mint validly
 * signed tokens with any claim), counts JWKS fetches, rotates keys and can go down or hang.
 */
export class FakeIssuer {
  jwksFetches = 0;
  mode: IssuerMode = 'up';
  readonly key = strangerKey('key-1');
  private published = [this.key];
  private readonly server: Server = createServer((request, response) => this.handle(request.url ?? '', response));

  /** The issuer identifier, as it appears in `iss` (with its trailing slash). */
  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  static async start(): Promise<FakeIssuer> {
    const issuer = new FakeIssuer();
    await new Promise<void>((resolve) => issuer.server.listen(0, '127.0.0.1', resolve));
    return issuer;
  }

  /** Publishes a new key (keeping the old ones until `retire`) and returns it. */
  rotate(kid: string): SigningKey {
    const key = strangerKey(kid);
    this.published = [key, ...this.published];
    return key;
  }

  retire(kid: string): void {
    this.published = this.published.filter((key) => key.kid !== kid);
  }

  sign(claims: unknown, header: Record<string, unknown> = {}, key: SigningKey = this.key): string {
    return signJwt(claims, key, header);
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private handle(path: string, response: import('node:http').ServerResponse): void {
    if (path !== '/.well-known/jwks.json') return void response.writeHead(404).end();
    this.jwksFetches += 1;
    if (this.mode === 'down') return void response.writeHead(503).end();
    if (this.mode === 'slow') return; // never answers: the API must give up on its own
    const keys = this.published.map(({ kid, key }) => ({
      ...createPublicKey(key).export({ format: 'jwk' }),
      kid,
      alg: 'RS256',
      use: 'sig',
    }));
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys }));
  }
}
