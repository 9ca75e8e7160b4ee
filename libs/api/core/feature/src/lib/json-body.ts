import { HttpStatus } from '@nestjs/common';
import { ProblemException } from '@steward/api-core-util';
import type { FastifyInstance } from 'fastify';

/** Deepest nesting of arrays and objects a request body may have; Steward's bodies need 2. */
export const MAX_JSON_DEPTH = 32;

/**
 * Reads JSON bodies with Fastify's own parser (prototype-poisoning checks on), after refusing
 * bodies nested deeper than MAX_JSON_DEPTH: deep structures would otherwise exhaust the stack of
 * whatever walks them later (validation, transformation), turning one request into a 500. A body
 * must be a JSON object (the validation pipe would otherwise read `null` as `{}`).
 */
export function useJsonBodies(fastify: FastifyInstance, bodyLimit: number): void {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit }, (request, raw, done) => {
    const body = typeof raw === 'string' ? raw : raw.toString('utf8');
    if (nestingDepthExceeds(body, MAX_JSON_DEPTH)) {
      done(invalidBody(`The JSON body is nested more than ${MAX_JSON_DEPTH} levels deep.`), undefined);
      return;
    }
    void parse(request, body, (error, value) => {
      // Every Steward body is an object of named fields; `null`, arrays and bare values are not bodies.
      if (!error && (typeof value !== 'object' || value === null || Array.isArray(value))) {
        done(invalidBody('The request body must be a JSON object.'), undefined);
        return;
      }
      done(error, value);
    });
  });
}

function invalidBody(detail: string): ProblemException {
  return new ProblemException(HttpStatus.BAD_REQUEST, { title: 'Invalid request', detail });
}

/** True when `json` opens more than `max` arrays/objects inside each other (strings are skipped). */
export function nestingDepthExceeds(json: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const char = json.charCodeAt(i);
    if (inString) {
      if (char === 0x5c)
        i++; // backslash: skip the escaped character
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x5b || char === 0x7b) {
      if (++depth > max) return true;
    } else if (char === 0x5d || char === 0x7d) depth--;
  }
  return false;
}
