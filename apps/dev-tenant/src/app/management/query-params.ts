import { invalidQuery } from './management-errors';

/** Express's parsed query string. */
export type Query = Record<string, unknown>;

function refuse(name: string, detail: string): Error {
  return invalidQuery(`Query validation error: '${detail}' on property ${name}.`);
}

/** One text parameter; a repeated parameter is refused, as Auth0's schema does. */
export function queryString(query: Query, name: string): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string')
    throw refuse(name, `Expected type string but found type ${Array.isArray(value) ? 'array' : typeof value}`);
  return value;
}

/** An integer parameter within bounds. */
export function queryInteger(
  query: Query,
  name: string,
  bounds: { min: number; max?: number; fallback: number },
): number {
  const text = queryString(query, name);
  if (text === undefined || text === '') return bounds.fallback;
  if (!/^-?\d+$/.test(text)) throw refuse(name, `Expected type integer but found type string`);
  const value = Number(text);
  if (value < bounds.min) throw refuse(name, `Value ${value} is less than minimum ${bounds.min}`);
  if (bounds.max !== undefined && value > bounds.max)
    throw refuse(name, `Value ${value} is greater than maximum ${bounds.max}`);
  return value;
}

/** A `true`/`false` parameter. */
export function queryBoolean(query: Query, name: string, fallback: boolean): boolean {
  const text = queryString(query, name);
  if (text === undefined || text === '') return fallback;
  if (text !== 'true' && text !== 'false') throw refuse(name, `Expected type boolean but found type string`);
  return text === 'true';
}
