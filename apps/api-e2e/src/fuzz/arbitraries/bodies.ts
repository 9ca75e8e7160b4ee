import fc from 'fast-check';
import type { BodyKind, Route } from '../routes';
import type { FuzzWorld } from '../world';
import { json } from './common';
import { deepJsonText, invalidJson, largeBodyText, type DeepJson, type LargeBody } from './json-text';

/** Fields each body kind knows, plus server-owned or foreign ones it must refuse. */
const FIELDS: Record<BodyKind, string[]> = {
  record: ['title', 'description', 'status', 'tags'],
  'record-changes': ['title', 'description', 'status', 'tags'],
  'new-user': ['email', 'name'],
  'user-changes': ['name', 'blocked'],
  roles: ['roles'],
};
/** A valid body of each kind, for changing one field at a time. */
const VALID_BODIES: Record<BodyKind, Record<string, unknown>> = {
  record: { title: 'Fuzzed', description: 'A record the fuzzer made', status: 'draft', tags: ['fuzz'] },
  'record-changes': { title: 'Fuzzed again', description: 'Changed by the fuzzer', status: 'active', tags: ['fuzz'] },
  'new-user': { email: 'fuzz-new@steward.local', name: 'Fuzz New' },
  'user-changes': { name: 'Fuzz Target', blocked: false },
  roles: { roles: [] },
};
const FOREIGN_FIELDS = [
  'id',
  'version',
  'ownerSub',
  'owner_sub',
  'createdAt',
  'updatedAt',
  'deletedAt',
  'orgId',
  'user_id',
  'app_metadata',
  'connection',
  'password',
  'email_verified',
  'blocked',
  'access_token',
  '__proto__',
  'constructor',
];

/** A value for a field: `null`, wrong types, near-valid strings, deep structures. */
function fieldValue(world: FuzzWorld): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.constant(null) },
    { weight: 3, arbitrary: json },
    {
      weight: 4,
      arbitrary: fc.constantFrom(
        '',
        ' ',
        'draft',
        'active',
        'archived',
        true,
        false,
        0,
        -1,
        1e308,
        [],
        {},
        [null],
        ['a', null],
        [''],
        world.roleIds[0] ?? 'rol_x',
      ),
    },
    { weight: 2, arbitrary: fc.constantFrom(...world.roleIds.map((id) => [id]), []) },
    { weight: 3, arbitrary: fc.constantFrom(1, 39, 40, 41, 199, 200, 201, 10_000, 10_001).map((n) => 'x'.repeat(n)) },
    { weight: 1, arbitrary: fc.constantFrom(20, 21).map((n) => Array.from({ length: n }, (_, i) => `tag${i}`)) },
    { weight: 2, arbitrary: fc.emailAddress() },
    { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 50 }) },
    {
      weight: 1,
      arbitrary: fc.nat({ max: 50 }).map((depth) => JSON.parse(deepJsonText({ depth, shape: 'mixed', field: null }))),
    },
  );
}

/** Body text for a route: random JSON, objects with its field names, deep nesting, invalid JSON, large bodies. */
export type BodyCase =
  | { kind: 'json'; value: unknown }
  | { kind: 'fields'; value: Record<string, unknown> }
  | { kind: 'one field off'; field: string; value: unknown }
  | { kind: 'deep'; deep: DeepJson }
  | { kind: 'invalid json'; text: string }
  | { kind: 'large'; large: LargeBody };

export function bodies(world: FuzzWorld, route: Route): fc.Arbitrary<BodyCase> {
  const names = FIELDS[route.body ?? 'record'];
  const fields = fc.dictionary(
    fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...names) },
      { weight: 1, arbitrary: fc.constantFrom(...FOREIGN_FIELDS) },
    ),
    fieldValue(world),
    { maxKeys: 5 },
  );
  return fc.oneof(
    { weight: 2, arbitrary: json.map((value) => ({ kind: 'json' as const, value })) },
    { weight: 4, arbitrary: fields.map((value) => ({ kind: 'fields' as const, value })) },
    {
      weight: 6,
      arbitrary: fc
        .tuple(fc.constantFrom(...names, ...FOREIGN_FIELDS), fieldValue(world))
        .map(([field, value]) => ({ kind: 'one field off' as const, field, value })),
    },
    {
      weight: 2,
      arbitrary: fc
        .record({
          depth: fc.oneof(fc.integer({ min: 1, max: 2_000 }), fc.constantFrom(5_000, 10_000, 20_000, 100_000)),
          shape: fc.constantFrom('array' as const, 'object' as const, 'mixed' as const),
          field: fc.oneof(fc.constant(null), fc.constantFrom(...names)),
        })
        .map((deep) => ({ kind: 'deep' as const, deep })),
    },
    { weight: 2, arbitrary: invalidJson.map((text) => ({ kind: 'invalid json' as const, text })) },
    {
      weight: 1,
      arbitrary: fc
        .record({
          bytes: fc.constantFrom(50_000, 99_000, 101_000, 150_000, 1_000_000),
          shape: fc.constantFrom(
            'long description' as const,
            'many tags' as const,
            'whitespace' as const,
            'many fields' as const,
          ),
        })
        .map((large) => ({ kind: 'large' as const, large })),
    },
  );
}

export function bodyText(route: Route, body: BodyCase): string {
  switch (body.kind) {
    case 'json':
    case 'fields':
      return JSON.stringify(body.value);
    case 'deep':
      return deepJsonText(body.deep);
    case 'one field off':
      return JSON.stringify({ ...VALID_BODIES[route.body ?? 'record'], [body.field]: body.value });
    case 'invalid json':
      return body.text;
    case 'large':
      return largeBodyText(body.large);
  }
}
