import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CONSOLE_NGINX_CONF,
  FAKE_BUILD,
  relocatedConsoleConfig,
  relocatedProxyConfig,
  renderConsoleRuntime,
  writeFakeConsoleBuild,
} from './lib/console-image';
import { httpRequest } from './lib/http';
import { checkNginxConfig, freePort, nginxPrefix, startNginx, type RunningNginx } from './lib/nginx';

const ENV = {
  AUTH0_DOMAIN: 'login.acme.example',
  AUTH0_CLIENT_ID: 'Xy12abcDEF',
  AUTH0_AUDIENCE: 'https://api.acme.example/',
  API_URL: 'https://api.acme.example',
};

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'self' https://login.acme.example https://api.acme.example; frame-src https://login.acme.example; " +
  "worker-src 'self' blob:; manifest-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; " +
  "frame-ancestors 'none'";

const SECURITY_HEADERS = {
  'content-security-policy': CSP,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'strict-transport-security': 'max-age=31536000',
};
const IMMUTABLE = 'public, max-age=31536000, immutable';

describe('console image (docker/console.nginx.conf + console-config.sh on a real nginx)', () => {
  let nginx: RunningNginx;

  beforeAll(async () => {
    const prefix = nginxPrefix();
    const runtime = join(prefix, 'runtime');
    const site = join(prefix, 'html');
    writeFakeConsoleBuild(site);
    const rendered = renderConsoleRuntime(ENV, runtime);
    if (rendered.status !== 0) throw new Error(`console-config.sh failed: ${rendered.stderr}`);
    const port = await freePort();
    const serverConfig = join(prefix, 'console.conf');
    writeFileSync(serverConfig, relocatedConsoleConfig(port, runtime, site));
    nginx = await startNginx(prefix, serverConfig, port);
  });

  afterAll(async () => {
    await nginx?.stop();
  });

  const get = (path: string, method = 'GET') => httpRequest(`${nginx.url}${path}`, method);

  describe.each([
    ['/', 200, 'no-cache'],
    ['/index.html', 200, 'no-cache'],
    ['/records/0b6f9f4e-4d7e-4f7e-9a43-5f0e1f1c2d3e', 200, 'no-cache'],
    ['/users/auth0%7C64f1c2', 200, 'no-cache'],
    ['/config.json', 200, 'no-cache'],
    [FAKE_BUILD.main, 200, IMMUTABLE],
    [FAKE_BUILD.chunk, 200, IMMUTABLE],
    [FAKE_BUILD.styles, 200, IMMUTABLE],
    [FAKE_BUILD.font, 200, IMMUTABLE],
    [FAKE_BUILD.favicon, 200, 'no-cache'],
    ['/chunk-OLDRELS1.js', 404, 'no-cache'],
  ])('GET %s', (path, status, cacheControl) => {
    it(`should answer ${status} with every security header and Cache-Control: ${cacheControl}`, async () => {
      const response = await get(path);

      expect(response.status).toBe(status);
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
        expect([name, response.headers[name]]).toEqual([name, value]);
      }
      expect(response.headers['cache-control']).toBe(cacheControl);
      expect(response.headers['server']).toBe('nginx'); // no version
    });
  });

  it('should serve index.html for console routes, so the router can read them', async () => {
    const response = await get('/records/new');

    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toBe(FAKE_BUILD.index);
  });

  it('should answer a missing asset with 404, never with index.html', async () => {
    const response = await get('/chunk-OLDRELS1.js');

    expect(response.status).toBe(404);
    expect(response.body).not.toContain('<st-root>');
  });

  it("should serve the config.json rendered from the environment, not the build's development one", async () => {
    const response = await get('/config.json');

    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(response.body)).toEqual({
      auth0Domain: ENV.AUTH0_DOMAIN,
      auth0ClientId: ENV.AUTH0_CLIENT_ID,
      auth0Audience: ENV.AUTH0_AUDIENCE,
      apiUrl: ENV.API_URL,
    });
  });

  it('should send the same security headers on a method nginx refuses', async () => {
    const response = await get('/index.html', 'DELETE');

    expect(response.status).toBe(405);
    expect(response.headers['content-security-policy']).toBe(CSP);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('docker/console.nginx.conf', () => {
  it('should set headers only at server level (a location with its own add_header inherits none)', () => {
    const config = readFileSync(CONSOLE_NGINX_CONF, 'utf8').replace(/#.*$/gm, '');
    const locations = config.match(/^\s*location\b[^{]*\{[^}]*\}/gm) ?? [];

    expect(locations.length).toBeGreaterThanOrEqual(3);
    for (const location of locations) expect(location).not.toMatch(/add_header|include/);
  });
});

describe('docker/proxy.nginx.conf (compose)', () => {
  it('should pass nginx -t', async () => {
    const prefix = nginxPrefix();
    const serverConfig = join(prefix, 'proxy.conf');
    writeFileSync(serverConfig, relocatedProxyConfig(await freePort()));

    const check = checkNginxConfig(prefix, serverConfig);

    expect(check.output).toContain('test is successful');
    expect(check.ok).toBe(true);
  });
});
