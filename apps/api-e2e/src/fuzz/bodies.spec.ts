import fc from 'fast-check';
import { bodies, bodyText, isJson, type BodyCase } from './arbitraries';
import { expectStatus } from './expectations';
import { isWrite, ROUTES, type Route } from './routes';
import { assertProperty, propertyTimeout } from './settings';
import { useFuzzWorld } from './world';

/** Fastify's body limit (BODY_LIMIT_BYTES in the API): larger bodies get 413. */
const BODY_LIMIT = 100 * 1024;

const WRITES = ROUTES.filter(isWrite);

/**
 * SPEC §6 and §10 on bodies: random, wrong-typed, `null`, deeply nested, invalid and large JSON on
 * every route that takes a body gets a 4xx problem (or succeeds when valid), never a 5xx, and a
 * refused write writes nothing (checked by every exchange).
 */
describe('Fuzz: JSON bodies', () => {
  const world = useFuzzWorld();

  /** What SPEC §6 and §10 say about a body regardless of its fields. */
  function allowedStatuses(route: Route, body: BodyCase, text: string): number[] | undefined {
    if (Buffer.byteLength(text) > BODY_LIMIT) return [413];
    if (!isJson(text)) return [400];
    if (body.kind === 'deep' && route.body !== undefined) return [400, 413];
    return undefined;
  }

  it(
    'should answer any body on any write route with a clean 4xx or success, never a 5xx',
    async () => {
      await assertProperty(
        fc.asyncProperty(
          fc
            .constantFrom(...WRITES)
            .chain((route) => bodies(world, route).map((body) => ({ route: `${route.method} ${route.path}`, body }))),
          async ({ route: name, body }) => {
            const route = WRITES.find((candidate) => `${candidate.method} ${candidate.path}` === name) as Route;
            const text = bodyText(route, body);
            const request = await world.request(route, { body: text });
            const response = await world.exchange(route, request);
            const allowed = allowedStatuses(route, body, text);
            if (allowed) expectStatus(request, response, allowed);
          },
        ),
        300,
      );
    },
    propertyTimeout(300),
  );
});
