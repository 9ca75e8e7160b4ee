import fc from 'fast-check';
import type { FuzzWorld } from '../world';
import { headerText } from './common';

/** An Authorization header value, odd or not; `valid` is the token when the value is a valid credential. */
export interface AuthorizationCase {
  values: string[];
  /** Whether SPEC §4.1 accepts it: exactly one `Bearer <token>` (scheme in any case, one or more spaces). */
  accepted: boolean;
}

export function authorizations(world: FuzzWorld): fc.Arbitrary<AuthorizationCase> {
  const token = world.adminToken();
  const scheme = fc.oneof(
    fc.constantFrom('Bearer', 'bearer', 'BEARER', 'bEaReR'),
    fc.constantFrom('Basic', 'Token', 'JWT', 'Bearer:', 'Béarer', 'Bearer,', 'DPoP'),
  );
  const gap = fc.oneof(fc.constantFrom(' ', '  ', '     '), fc.constantFrom('\t', ' \t', '', ',', '\u00a0'));
  const credential = fc.oneof(
    { weight: 4, arbitrary: fc.constant(token) },
    fc.constant(`${token} ${token}`),
    fc.constant(`${token},${token}`),
    fc.constant(`"${token}"`),
    headerText(40),
    headerText(10).map((suffix) => `${token}${suffix}`),
    fc.constantFrom('✓', 'jeton-café', '令牌'),
  );
  const one = fc.tuple(scheme, gap, credential).map(([s, g, c]) => `${s}${g}${c}`);
  const accepted = (value: string) => {
    const match = /^bearer +(.*)$/i.exec(value.replace(/^[ \t]+|[ \t]+$/g, ''));
    return match !== null && match[1] === token;
  };
  return fc.oneof(
    { weight: 4, arbitrary: one.map((value) => ({ values: [value], accepted: accepted(value) })) },
    { weight: 1, arbitrary: fc.tuple(one, one).map((values) => ({ values, accepted: false })) },
    { weight: 1, arbitrary: one.map((other) => ({ values: [`Bearer ${token}`, other], accepted: false })) },
    { weight: 1, arbitrary: fc.constant<AuthorizationCase>({ values: [], accepted: false }) },
  );
}

export const contentTypes = fc.oneof(
  fc.constantFrom(
    'application/json',
    'application/json; charset=utf-8',
    'APPLICATION/JSON',
    'application/json; charset=utf-16',
    'application/json;',
    'application/json; boundary=x; charset=latin1',
    'application/problem+json',
    'application/merge-patch+json',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=----x',
    'text/plain',
    'text/json',
    'application/xml',
    '*/*',
    '',
    'json',
  ),
  headerText(60),
);

/** If-Match values: the current version's strong tag now and then, mostly anything else. */
export const ifMatchValues = fc.oneof(
  fc.constant('CURRENT'),
  fc.constantFrom(
    '*',
    'W/"1"',
    '"1", "2"',
    '"-1"',
    '"0"',
    '"1.5"',
    '"9999999999"',
    '"99999999999999999999"',
    '1',
    '""',
    ' ',
  ),
  fc.nat().map((n) => `"${n}"`),
  headerText(80),
);

export const requestIds = fc.oneof(
  fc.constantFrom('console-1234', '<script>alert(1)</script>', "' OR 1=1 --", '../../etc/passwd', '${jndi:ldap://x}'),
  headerText(100),
  fc.nat({ max: 5_000 }).map((n) => 'r'.repeat(n + 65)),
);
