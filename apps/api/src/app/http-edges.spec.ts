import { Body, Controller, Module, Post } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Public } from '@steward/api-auth-feature';
import { loadApiConfig } from '@steward/api-config-util';
import { BODY_LIMIT_BYTES, createHttpApp, MAX_JSON_DEPTH } from '@steward/api-core-feature';
import { connect } from 'node:net';
import { AppModule } from './app.module';

/** Writes raw bytes to the server and returns everything it answers before closing. */
function rawExchange(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
    socket.setTimeout(5_000, () => socket.destroy(new Error('no answer')));
  });
}

function headersOf(answer: string): Record<string, string> {
  const [head] = answer.split('\r\n\r\n');
  return Object.fromEntries(
    head
      .split('\r\n')
      .slice(1)
      .map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
  );
}

/** A public route that reads a body, standing in for any write route. */
@Controller('echo')
class EchoController {
  @Public()
  @Post()
  echo(@Body() body: unknown): unknown {
    return body;
  }
}

@Module({ controllers: [EchoController] })
class EchoModule {}

describe('createHttpApp', () => {
  let app: NestFastifyApplication;

  let port: number;

  beforeAll(async () => {
    const config = loadApiConfig({ NODE_ENV: 'test', DATABASE_URL: 'sqlite::memory:' });
    app = await createHttpApp({ module: class TestRoot {}, imports: [AppModule.register(config), EchoModule] }, config);
    await app.listen(0, '127.0.0.1');
    port = (app.getHttpServer().address() as { port: number }).port;
  });

  afterAll(async () => {
    await app?.close();
  });

  const post = (payload: string, contentType = 'application/json') =>
    app.inject({ method: 'POST', url: '/api/echo', headers: { 'content-type': contentType }, payload });

  describe('request bodies', () => {
    it('should read a body within the limit', async () => {
      const response = await post(JSON.stringify({ title: 'ok' }));
      expect(response.statusCode).toBe(201);
      expect(response.json()).toEqual({ title: 'ok' });
    });

    it('should refuse a body over the limit with a problem+json 413', async () => {
      const response = await post(JSON.stringify({ title: 'x'.repeat(BODY_LIMIT_BYTES) }));
      expect(response.statusCode).toBe(413);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json()).toEqual({ type: 'about:blank', title: 'Payload Too Large', status: 413 });
    });

    it('should refuse malformed JSON with a 400 that names no library', async () => {
      const response = await post('{"title": ');
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).not.toMatch(/FST_|fastify|SyntaxError|Unexpected/i);
    });

    it('should refuse JSON nested deeper than the limit with a 400 naming the reason', async () => {
      for (const depth of [MAX_JSON_DEPTH + 1, 10_000]) {
        const response = await post(`${'['.repeat(depth)}${']'.repeat(depth)}`);
        expect(response.statusCode).toBe(400);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(response.json()).toMatchObject({ status: 400, detail: expect.stringMatching(/nested/) });
      }
      const brackets = '['.repeat(MAX_JSON_DEPTH * 2);
      expect((await post(JSON.stringify({ title: brackets }))).statusCode).toBe(201); // inside a string: just text
      expect((await post(`{"a":${'['.repeat(MAX_JSON_DEPTH - 1)}${']'.repeat(MAX_JSON_DEPTH - 1)}}`)).statusCode).toBe(
        201,
      );
    });

    it.each(['null', '[]', '[{"title":"ok"}]', '"text"', '42', 'true'])(
      'should refuse the body %s: a body is a JSON object',
      async (payload) => {
        const response = await post(payload);
        expect(response.statusCode).toBe(400);
        expect(response.json()).toMatchObject({ status: 400, detail: 'The request body must be a JSON object.' });
      },
    );

    it('should refuse prototype-poisoning keys', async () => {
      const response = await post('{"__proto__":{"admin":true}}');
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    });

    it.each(['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x'])(
      'should refuse %s, which a browser may send cross-site without a preflight, with 415',
      async (contentType) => {
        const response = await post('title=x', contentType);
        expect(response.statusCode).toBe(415);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      },
    );
  });

  describe('answers before routing', () => {
    const SECURITY = {
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'content-security-policy': "default-src 'none';frame-ancestors 'none'",
      'cache-control': 'no-store',
    };

    it.each([
      ['a malformed percent-encoding', '/api/records/%E0%A4%A', 400],
      ['an over-long path parameter', `/api/records/${'a'.repeat(300)}`, 414],
      ['an unknown route', '/api/nothing-here', 404],
    ])(
      'should answer %s with problem+json, the security headers and no echo of the path',
      async (_case, url, status) => {
        const response = await app.inject({ method: 'GET', url });
        expect(response.statusCode).toBe(status);
        expect(response.headers).toMatchObject({
          ...SECURITY,
          'content-type': expect.stringMatching(/^application\/problem\+json/),
        });
        expect(response.body).not.toMatch(/FST_|records|aaaa/);
      },
    );

    it('should give CORS preflights, valid or not, the security headers', async () => {
      const valid = await app.inject({
        method: 'OPTIONS',
        url: '/api/records',
        headers: { origin: 'http://localhost:4200', 'access-control-request-method': 'GET' },
      });
      expect(valid.statusCode).toBe(204);
      expect(valid.headers).toMatchObject(SECURITY);
      const bare = await app.inject({ method: 'OPTIONS', url: '/api/records' });
      expect(bare.statusCode).toBeLessThan(500);
      expect(bare.headers).toMatchObject(SECURITY);
      expect(bare.headers['access-control-allow-origin']).toBeUndefined();
    });
  });

  describe('answers the HTTP server writes itself', () => {
    it.each([
      ['a malformed request line', 'GARBAGE / HTTP/9.9\r\n\r\n', 400],
      ['oversized headers', `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`, 431],
      ['a header with a control character', 'GET /api/health HTTP/1.1\r\nHost: x\r\nX-Bad: a\u0001b\r\n\r\n', 400],
    ])('should answer %s with problem+json and the security headers', async (_case, request, status) => {
      const answer = await rawExchange(port, request);
      expect(answer.startsWith(`HTTP/1.1 ${status} `)).toBe(true);
      const headers = headersOf(answer);
      expect(headers).toMatchObject({
        'content-type': 'application/problem+json',
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'content-security-policy': "default-src 'none';frame-ancestors 'none'",
        'cache-control': 'no-store',
      });
      expect(JSON.parse(answer.split('\r\n\r\n')[1])).toMatchObject({ status });
    });
  });
});

describe('createHttpApp in production', () => {
  it('should send HSTS', async () => {
    // Production refuses SQLite; only the headers are under test here, so the test config is reused.
    const config = {
      ...loadApiConfig({ NODE_ENV: 'test', DATABASE_URL: 'sqlite::memory:' }),
      env: 'production' as const,
    };
    const app = await createHttpApp(AppModule.register(config), config);
    try {
      await app.init();
      await app.getHttpAdapter().getInstance().ready();
      const response = await app.inject({ method: 'GET', url: '/api/health' });
      expect(response.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    } finally {
      await app.close();
    }
  });
});
