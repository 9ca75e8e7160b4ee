import { Body, Controller, Module, Post } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Public } from '@steward/api-auth-feature';
import { loadApiConfig } from '@steward/api-config-util';
import { BODY_LIMIT_BYTES, createHttpApp } from '@steward/api-core-feature';
import { AppModule } from './app.module';

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

  beforeAll(async () => {
    const config = loadApiConfig({ NODE_ENV: 'test', DATABASE_URL: 'sqlite::memory:' });
    app = await createHttpApp({ module: class TestRoot {}, imports: [AppModule.register(config), EchoModule] }, config);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
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

    it.each(['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x'])(
      'should refuse %s, which a browser may send cross-site without a preflight, with 415',
      async (contentType) => {
        const response = await post('title=x', contentType);
        expect(response.statusCode).toBe(415);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      },
    );
  });
});

describe('createHttpApp in production', () => {
  it('should send HSTS', async () => {
    const config = loadApiConfig({
      NODE_ENV: 'production',
      AUTH0_ISSUER_BASE_URL: 'https://acme.eu.auth0.com/',
      AUTH0_AUDIENCE: 'https://api.acme.com/',
      AUTH0_MGMT_DOMAIN: 'acme.eu.auth0.com',
      AUTH0_MGMT_CLIENT_ID: 'id',
      AUTH0_MGMT_CLIENT_SECRET: 'secret',
      DATABASE_URL: 'sqlite::memory:',
      CORS_ORIGINS: 'https://console.acme.com',
    });
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
