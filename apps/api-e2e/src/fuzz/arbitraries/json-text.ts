// JSON text for bodies: nested or large by design (built from a size), and text that is no JSON.
import fc from 'fast-check';
import { json } from './common';

/** JSON text nested `depth` levels deep, built from a size so a counterexample stays short. */
export interface DeepJson {
  depth: number;
  shape: 'array' | 'object' | 'mixed';
  /** Where it sits: the whole body, or the value of one field. */
  field: string | null;
}

export function deepJsonText({ depth, shape, field }: DeepJson): string {
  const open = { array: '[', object: '{"a":', mixed: '[{"a":' }[shape];
  const close = { array: ']', object: '}', mixed: '}]' }[shape];
  const nested = `${open.repeat(depth)}1${close.repeat(depth)}`;
  return field === null ? nested : `{"${field}":${nested}}`;
}

/** Bodies by size: near and past the body limit, as valid JSON. */
export interface LargeBody {
  bytes: number;
  shape: 'long description' | 'many tags' | 'whitespace' | 'many fields';
}

export function largeBodyText({ bytes, shape }: LargeBody): string {
  if (shape === 'long description')
    return JSON.stringify({ title: 'big', status: 'draft', description: 'd'.repeat(bytes) });
  if (shape === 'many tags')
    return JSON.stringify({ title: 'big', status: 'draft', tags: Array(Math.ceil(bytes / 4)).fill('t') });
  if (shape === 'whitespace') return `${' '.repeat(bytes)}{"title":"big","status":"draft"}`;
  return JSON.stringify(Object.fromEntries(Array.from({ length: Math.ceil(bytes / 12) }, (_, i) => [`f${i}`, i])));
}

export const isJson = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

export const invalidJson = fc.oneof(
  fc.constantFrom(
    '',
    '{',
    '}',
    '{"title":',
    '{"title":"a",}',
    "{'title':'a'}",
    '{title:"a"}',
    'NaN',
    'undefined',
    '{"a":1}{"b":2}',
    '{"title":"a"} x',
    '{"title":"\\ud800"}',
    '{"title":"a\\x"}',
    '[1,]',
    '01',
    '{"a":01}',
    '/* c */ {}',
    '{"__proto__":{"polluted":1}}',
    '{"title":"a","title":null}',
    '"\\u0000"',
  ),
  json
    .map((value) => JSON.stringify(value))
    .chain((text) => fc.nat({ max: Math.max(0, text.length - 1) }).map((cut) => text.slice(0, cut)))
    .filter((text) => {
      try {
        JSON.parse(text);
        return false;
      } catch {
        return true;
      }
    }),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }).filter((text) => {
    try {
      JSON.parse(text);
      return false;
    } catch {
      return true;
    }
  }),
);
