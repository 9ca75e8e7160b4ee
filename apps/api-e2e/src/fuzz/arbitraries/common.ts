// What several areas share: text that fits in a header or a request line, and JSON values.
import fc from 'fast-check';

export const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Text that can travel in a header value or a request line without ending it (no CR, LF, NUL, controls). */
export const headerText = (maxLength = 64) =>
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  fc.string({ unit: 'binary', maxLength }).map((text) => text.replace(/[\x00-\x08\x0a-\x1f\x7f]/g, ''));

/** Any JSON value, now and then one nested a few levels deep. */
export const json = fc.jsonValue({ maxDepth: 4 });
export const notA = (test: (value: unknown) => boolean) => json.filter((value) => !test(value));
export const isString = (value: unknown) => typeof value === 'string';
export const isStringArray = (value: unknown) => Array.isArray(value) && value.every(isString);
