import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderConsoleRuntime } from './lib/console-image';

const GOOD = {
  AUTH0_DOMAIN: 'acme.eu.auth0.com',
  AUTH0_CLIENT_ID: 'Xy12abcDEF',
  AUTH0_AUDIENCE: 'https://api.acme.example/',
  API_URL: 'https://api.acme.example',
};

describe('docker/console-config.sh', () => {
  let dir: string;

  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'steward-console-config-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const render = (env: Record<string, string>) => renderConsoleRuntime(env, dir);

  it('should write config.json and the CSP include from good values', () => {
    const result = render({ ...GOOD, AUTH0_DOMAIN: 'login.acme.example:8443', API_URL: 'https://api.acme.example/' });

    expect(result.status).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'))).toEqual({
      auth0Domain: 'login.acme.example:8443',
      auth0ClientId: GOOD.AUTH0_CLIENT_ID,
      auth0Audience: GOOD.AUTH0_AUDIENCE,
      apiUrl: 'https://api.acme.example',
    });
    const include = readFileSync(join(dir, 'csp.conf'), 'utf8');
    expect(include).toMatch(/^add_header Content-Security-Policy "[^"\n]+" always;\n$/);
    expect(include).toContain("connect-src 'self' https://login.acme.example:8443 https://api.acme.example;");
    expect(include).toContain('frame-src https://login.acme.example:8443;');
  });

  it.each(Object.keys(GOOD))('should refuse to start without %s', (name) => {
    const env: Record<string, string> = { ...GOOD };
    delete env[name];

    const result = render(env);

    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${name} is required`);
  });

  // Values that would add nginx directives, CSP sources or JSON members if they were written as given.
  it.each([
    ['AUTH0_DOMAIN', 'https://acme.eu.auth0.com'],
    ['AUTH0_DOMAIN', 'acme.eu.auth0.com/'],
    ['AUTH0_DOMAIN', 'acme.com" always; add_header X-Evil "1'],
    ['AUTH0_DOMAIN', 'acme.com; script-src *'],
    ['AUTH0_DOMAIN', "acme.com 'unsafe-inline'"],
    ['AUTH0_DOMAIN', 'acme.com\nevil.example'],
    ['AUTH0_DOMAIN', 'acme.com}'],
    ['AUTH0_DOMAIN', '$host'],
    ['AUTH0_DOMAIN', '*.auth0.com'],
    ['AUTH0_DOMAIN', 'localhost'],
    ['AUTH0_DOMAIN', '-acme.com'],
    ['AUTH0_DOMAIN', 'acme..com'],
    ['AUTH0_DOMAIN', `${'a'.repeat(64)}.com`],
    ['API_URL', 'api.acme.example'],
    ['API_URL', 'https://api.acme.example/v1'],
    ['API_URL', 'https://api.acme.example;'],
    ['API_URL', 'https://api.acme.example data:'],
    ['API_URL', 'https://*.acme.example'],
    ['API_URL', 'javascript://api.acme.example'],
    ['API_URL', 'https://api.acme.example\n'],
    ['API_URL', 'https://user@api.acme.example'],
    ['AUTH0_CLIENT_ID', 'abc","apiUrl":"https://evil.example'],
    ['AUTH0_CLIENT_ID', 'abc def'],
    ['AUTH0_AUDIENCE', 'https://api.acme.example/"}'],
    ['AUTH0_AUDIENCE', 'https://api.acme.example/\\'],
    ['AUTH0_AUDIENCE', 'two words'],
  ])('should refuse %s=%j and write nothing', (name, value) => {
    const result = render({ ...GOOD, [name]: value });

    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^steward-console: ${name} `));
    expect(existsSync(join(dir, 'csp.conf'))).toBe(false);
    expect(existsSync(join(dir, 'config.json'))).toBe(false);
  });
});
