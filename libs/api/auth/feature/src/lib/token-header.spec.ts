import { InvalidTokenError } from './bearer-errors';
import { checkClaimsSetShape, checkedAccessToken, checkedKeyId } from './token-header';

const PAYLOAD = Buffer.from(JSON.stringify({ sub: 'user' })).toString('base64url');

function tokenWith(header: unknown): string {
  return `${Buffer.from(JSON.stringify(header)).toString('base64url')}.${PAYLOAD}.signature`;
}

function refusal(token: string): string {
  try {
    checkedKeyId(token);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidTokenError);
    return (error as InvalidTokenError).fields.detail ?? '';
  }
  throw new Error('expected the token to be refused');
}

describe('checkedKeyId', () => {
  describe('with an RS256 header naming a key', () => {
    it('should return the kid', () => {
      expect(checkedKeyId(tokenWith({ alg: 'RS256', kid: 'key-1' }))).toBe('key-1');
    });

    it('should accept the JWT and access token types', () => {
      for (const typ of ['JWT', 'at+jwt', 'application/at+jwt', 'AT+JWT']) {
        expect(checkedKeyId(tokenWith({ alg: 'RS256', typ, kid: 'key-1' }))).toBe('key-1');
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

describe('checkClaimsSetShape', () => {
  const header = Buffer.from(JSON.stringify({ alg: 'RS256', kid: 'key-1' })).toString('base64url');
  const withPayload = (json: string) => `${header}.${Buffer.from(json).toString('base64url')}.signature`;

  it('should pass a JSON object payload', () => {
    expect(() => checkClaimsSetShape(withPayload('{"sub":"user"}'))).not.toThrow();
  });

  it('should refuse every payload that is not a JSON object', () => {
    for (const json of ['null', '0', '"sub"', '[{"sub":"user"}]', 'true', '{"sub":', '']) {
      expect(() => checkClaimsSetShape(withPayload(json))).toThrow(InvalidTokenError);
    }
  });
});

describe('checkedAccessToken', () => {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

  it('should return the kid of a token whose header and payload pass', () => {
    expect(checkedAccessToken(`${encode({ alg: 'RS256', kid: 'key-1' })}.${PAYLOAD}.sig`)).toBe('key-1');
  });

  it('should refuse what checkedKeyId refuses, before looking at the payload', () => {
    expect(() => checkedAccessToken(`${encode({ alg: 'HS256', kid: 'key-1' })}.${encode(null)}.sig`)).toThrow(
      /unsupported algorithm/,
    );
  });

  it('should refuse what checkClaimsSetShape refuses', () => {
    for (const payload of [null, 0, 'sub', [{ sub: 'user' }]]) {
      expect(() => checkedAccessToken(`${encode({ alg: 'RS256', kid: 'key-1' })}.${encode(payload)}.sig`)).toThrow(
        /payload is not a JSON object/,
      );
    }
  });
});
