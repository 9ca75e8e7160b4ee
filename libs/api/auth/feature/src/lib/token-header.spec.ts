import { InvalidTokenError } from './bearer-errors';
import { decodeAccessToken } from './token-header';

const PAYLOAD = Buffer.from(JSON.stringify({ sub: 'user' })).toString('base64url');

function tokenWith(header: unknown): string {
  return `${Buffer.from(JSON.stringify(header)).toString('base64url')}.${PAYLOAD}.signature`;
}

function refusal(token: string): string {
  try {
    decodeAccessToken(token);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidTokenError);
    return (error as InvalidTokenError).fields.detail ?? '';
  }
  throw new Error('expected the token to be refused');
}

describe('decodeAccessToken: the protected header', () => {
  describe('with an RS256 header naming a key', () => {
    it('should return the kid', () => {
      expect(decodeAccessToken(tokenWith({ alg: 'RS256', kid: 'key-1' })).kid).toBe('key-1');
    });

    it('should accept the JWT and access token types', () => {
      for (const typ of ['JWT', 'at+jwt', 'application/at+jwt', 'AT+JWT']) {
        expect(decodeAccessToken(tokenWith({ alg: 'RS256', typ, kid: 'key-1' })).kid).toBe('key-1');
      }
    });
  });

  describe('algorithm', () => {
    it('should refuse anything but RS256', () => {
      for (const alg of ['none', 'HS256', 'ES256', 'rs256', undefined]) {
        expect(refusal(tokenWith({ alg, kid: 'key-1' }))).toMatch(/algorithm/);
      }
    });
  });

  describe('key-carrying parameters', () => {
    it('should refuse a token that names its own key', () => {
      for (const name of ['jku', 'x5u', 'jwk', 'x5c']) {
        expect(refusal(tokenWith({ alg: 'RS256', kid: 'key-1', [name]: 'https://attacker.example/' }))).toMatch(
          /own key/,
        );
      }
    });

    it('should refuse critical header parameters', () => {
      expect(refusal(tokenWith({ alg: 'RS256', kid: 'key-1', crit: ['exp'] }))).toMatch(/critical/);
    });
  });

  describe('type', () => {
    it('should refuse other token types', () => {
      for (const typ of ['id_token', 'JOSE', '', 1, null, ['JWT']]) {
        expect(refusal(tokenWith({ alg: 'RS256', typ, kid: 'key-1' }))).toMatch(/not an access token/);
      }
    });
  });

  describe('kid', () => {
    it('should refuse a missing, empty or non-string kid', () => {
      for (const header of [{ alg: 'RS256' }, { alg: 'RS256', kid: '' }, { alg: 'RS256', kid: 7 }]) {
        expect(refusal(tokenWith(header))).toMatch(/names no key/);
      }
    });
  });

  describe('malformed tokens', () => {
    it('should refuse a header that is not JSON', () => {
      expect(refusal(`${Buffer.from('{alg: RS256').toString('base64url')}.${PAYLOAD}.sig`)).toMatch(/malformed/);
    });

    it('should refuse a header that is an array or null', () => {
      expect(refusal(tokenWith([{ alg: 'RS256', kid: 'key-1' }]))).toMatch(/malformed/);
      expect(refusal(tokenWith(null))).toMatch(/malformed/);
    });

    it('should refuse a token without exactly three parts', () => {
      const header = Buffer.from(JSON.stringify({ alg: 'RS256', kid: 'key-1' })).toString('base64url');
      expect(refusal(`${header}.${PAYLOAD}`)).toMatch(/malformed/);
      expect(refusal(`${header}.${PAYLOAD}.sig.extra`)).toMatch(/malformed/);
    });
  });
});

describe('decodeAccessToken', () => {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const HEADER = encode({ alg: 'RS256', kid: 'key-1' });
  const withPayload = (json: string) => `${HEADER}.${Buffer.from(json).toString('base64url')}.c2ln`;

  it('should return the kid, the claims, the signed bytes and the signature of a well-formed token', () => {
    expect(decodeAccessToken(`${HEADER}.${PAYLOAD}.c2ln`)).toEqual({
      kid: 'key-1',
      claims: { sub: 'user' },
      signingInput: `${HEADER}.${PAYLOAD}`,
      signature: Buffer.from('sig'),
    });
  });

  it('should refuse a bad header, before looking at the payload', () => {
    expect(() => decodeAccessToken(`${encode({ alg: 'HS256', kid: 'key-1' })}.${encode(null)}.c2ln`)).toThrow(
      /unsupported algorithm/,
    );
  });

  it('should refuse every payload that is not a JSON object', () => {
    for (const json of ['null', '0', '"sub"', '[{"sub":"user"}]', 'true', '{"sub":', ' ']) {
      expect(() => decodeAccessToken(withPayload(json))).toThrow(/payload is not a JSON object/);
    }
  });

  it('should give the same answer for a header seen before, whether it passed or not', () => {
    const good = `${HEADER}.${PAYLOAD}.c2ln`;
    const bad = `${encode({ alg: 'none', kid: 'key-1' })}.${PAYLOAD}.c2ln`;
    for (let i = 0; i < 3; i++) {
      expect(decodeAccessToken(good).kid).toBe('key-1');
      expect(() => decodeAccessToken(bad)).toThrow(/unsupported algorithm/);
    }
  });

  it('should refuse anything but three unpadded base64url parts', () => {
    const valid = `${HEADER}.${PAYLOAD}.c2ln`;
    for (const token of [
      `${HEADER}.${PAYLOAD}`,
      `${valid}.c2ln`,
      `${HEADER}..c2ln`,
      `${HEADER}.${PAYLOAD}.`,
      `${valid}=`,
      `${HEADER}.${PAYLOAD}.c2+n`,
      `${HEADER}.${PAYLOAD}.c2/n`,
      ` ${valid}`,
    ]) {
      expect(() => decodeAccessToken(token)).toThrow(/malformed/);
    }
  });
});
