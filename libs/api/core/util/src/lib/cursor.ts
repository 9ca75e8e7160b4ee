import { ProblemException } from './problem.exception';

/** Encodes a position in a list as an opaque, URL-safe cursor. */
export function encodeCursor(position: object): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

/**
 * Decodes a cursor made by `encodeCursor`; `isValid` checks its shape. Anything else is the
 * client's mistake: a 400 naming the `cursor` parameter.
 */
export function decodeCursor<T>(cursor: string, isValid: (value: unknown) => value is T): T {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  if (!isValid(value)) throw invalidField('cursor', 'is not a cursor this list gave out');
  return value;
}

/** A 400 problem for one bad field, shaped like validation errors. */
export function invalidField(field: string, message: string): ProblemException {
  return new ProblemException(400, {
    title: 'Invalid request',
    detail: `${field} ${message}.`,
    errors: { [field]: [`${field} ${message}`] },
  });
}
