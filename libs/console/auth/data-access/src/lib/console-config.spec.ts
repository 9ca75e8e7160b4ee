import { loadConsoleConfig } from './console-config';

function serve(body: unknown, status = 200): void {
  global.fetch = jest.fn().mockResolvedValue({ ok: status < 400, status, json: () => Promise.resolve(body) });
}

describe('loadConsoleConfig', () => {
  const complete = {
    auth0Domain: 'acme.eu.auth0.com',
    auth0ClientId: 'abc',
    auth0Audience: 'https://api.acme.com/',
    apiUrl: 'https://api.acme.com/some/path',
  };

  it('should read the runtime configuration and keep only the API origin', async () => {
    serve(complete);
    await expect(loadConsoleConfig()).resolves.toEqual({ ...complete, apiUrl: 'https://api.acme.com' });
  });

  it('should name every missing key', async () => {
    serve({ auth0Domain: 'acme.eu.auth0.com', auth0ClientId: '' });
    await expect(loadConsoleConfig()).rejects.toThrow('/config.json lacks auth0ClientId, auth0Audience, apiUrl');
  });

  it('should report an unreachable configuration', async () => {
    serve({}, 404);
    await expect(loadConsoleConfig()).rejects.toThrow('Cannot load /config.json: HTTP 404');
  });
});
