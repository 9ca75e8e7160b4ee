import { InvalidRequestError, InvalidTokenError, MissingCredentialsError } from './bearer-errors';
import { bearerToken } from './bearer-token';

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1In0.c2ln-_';

function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('bearerToken', () => {
  describe('with a valid Authorization header', () => {
    it('should return the token', () => {
      expect(bearerToken({ headers: { authorization: `Bearer ${TOKEN}` } })).toBe(TOKEN);
    });

    it('should match the scheme case-insensitively', () => {
      expect(bearerToken({ headers: { authorization: `bearer ${TOKEN}` } })).toBe(TOKEN);
      expect(bearerToken({ headers: { authorization: `BEARER ${TOKEN}` } })).toBe(TOKEN);
    });

    it('should accept b64token padding', () => {
      expect(bearerToken({ headers: { authorization: 'Bearer abc==' } })).toBe('abc==');
    });
  });

  describe('without usable credentials', () => {
    it('should answer a missing header with a bare 401 challenge', () => {
      const error = thrownBy(() => bearerToken({ headers: {} }));
      expect(error).toBeInstanceOf(MissingCredentialsError);
      const problem = error as MissingCredentialsError;
      expect(problem.getStatus()).toBe(401);
      expect(problem.headers).toEqual({ 'WWW-Authenticate': 'Bearer realm="api"' });
    });

    it('should treat an empty header as missing', () => {
      expect(thrownBy(() => bearerToken({ headers: { authorization: '' } }))).toBeInstanceOf(MissingCredentialsError);
    });

    it('should treat another scheme as missing credentials', () => {
      for (const authorization of ['Basic dXNlcjpwYXNz', `Token ${TOKEN}`, TOKEN, `Bearer${TOKEN}`]) {
        expect(thrownBy(() => bearerToken({ headers: { authorization } }))).toBeInstanceOf(MissingCredentialsError);
      }
    });

    it('should ignore a token sent only in the query or body', () => {
      const error = thrownBy(() =>
        bearerToken({ headers: {}, query: { access_token: TOKEN }, body: { access_token: TOKEN } }),
      );
      expect(error).toBeInstanceOf(MissingCredentialsError);
    });
  });

  describe('with a malformed bearer value', () => {
    it('should refuse it as an invalid token', () => {
      for (const authorization of ['Bearer ', 'Bearer a b', 'Bearer a=b', 'Bearer tok€n', `Bearer ${TOKEN} `]) {
        const error = thrownBy(() => bearerToken({ headers: { authorization } }));
        expect(error).toBeInstanceOf(InvalidTokenError);
        expect((error as InvalidTokenError).getStatus()).toBe(401);
        expect((error as InvalidTokenError).headers['WWW-Authenticate']).toContain('error="invalid_token"');
      }
    });
  });

  describe('with an ambiguous request', () => {
    it('should refuse a header token plus access_token in the query with 400', () => {
      const error = thrownBy(() =>
        bearerToken({ headers: { authorization: `Bearer ${TOKEN}` }, query: { access_token: TOKEN } }),
      );
      expect(error).toBeInstanceOf(InvalidRequestError);
      expect((error as InvalidRequestError).getStatus()).toBe(400);
      expect((error as InvalidRequestError).headers['WWW-Authenticate']).toContain('error="invalid_request"');
    });

    it('should refuse a header token plus access_token in the body with 400', () => {
      const error = thrownBy(() =>
        bearerToken({ headers: { authorization: `Bearer ${TOKEN}` }, body: { access_token: '' } }),
      );
      expect(error).toBeInstanceOf(InvalidRequestError);
      expect((error as InvalidRequestError).getStatus()).toBe(400);
    });

    it('should refuse a repeated Authorization header with 400', () => {
      const error = thrownBy(() => bearerToken({ headers: { authorization: [`Bearer ${TOKEN}`, `Bearer ${TOKEN}`] } }));
      expect(error).toBeInstanceOf(InvalidRequestError);
      expect((error as InvalidRequestError).getStatus()).toBe(400);
    });

    it('should refuse a repeated Authorization header that Node folded into one (Fastify request)', () => {
      const request = {
        headers: { authorization: `Bearer ${TOKEN}` },
        raw: { rawHeaders: ['Host', 'x', 'Authorization', `Bearer ${TOKEN}`, 'authorization', 'Bearer other'] },
      };
      expect(thrownBy(() => bearerToken(request))).toBeInstanceOf(InvalidRequestError);
      const single = {
        headers: { authorization: `Bearer ${TOKEN}` },
        rawHeaders: ['Authorization', `Bearer ${TOKEN}`],
      };
      expect(bearerToken(single)).toBe(TOKEN);
    });

    it('should not mistake other query or body parameters for a token', () => {
      const request = { headers: { authorization: `Bearer ${TOKEN}` }, query: { page: '1' }, body: 'access_token' };
      expect(bearerToken(request)).toBe(TOKEN);
    });
  });
});
