import fc from 'fast-check';
import { ids, queries } from './arbitraries';
import { ExchangeError, expectStatus } from './expectations';
import { LIST_ROUTES, ROUTES, ROUTES_WITH_ID } from './routes';
import { assertProperty, propertyTimeout } from './settings';
import { useFuzzWorld } from './world';

/** SPEC §6 and §10 on request targets: any id or query string gets a clean 4xx (or the page), never a 5xx. */
describe('Fuzz: paths and query strings', () => {
  const world = useFuzzWorld();

  it(
    'should answer an id that names nothing with a 400 or 404 on every route with an id',
    async () => {
      await assertProperty(
        fc.asyncProperty(fc.constantFrom(...ROUTES_WITH_ID), ids, async (route, id) => {
          const request = await world.request(route, {
            id,
            body: route.body === undefined ? undefined : JSON.stringify({}),
          });
          expectStatus(request, await world.exchange(route, request), [400, 404, 414]);
        }),
        200,
      );
    },
    propertyTimeout(200),
  );

  it(
    'should answer list queries with a page or a 400',
    async () => {
      await assertProperty(
        fc.asyncProperty(fc.constantFrom(...LIST_ROUTES), queries, async (route, query) => {
          const request = await world.request(route, { query });
          const response = await world.exchange(route, request);
          expectStatus(request, response, [200, 400]);
          if (response.status === 200) {
            const page = JSON.parse(response.body) as { items?: unknown };
            if (!Array.isArray(page.items)) throw new ExchangeError('a page without items', request, response);
          }
        }),
        200,
      );
    },
    propertyTimeout(200),
  );

  it(
    'should take a random query string on any route without a 5xx',
    async () => {
      await assertProperty(
        fc.asyncProperty(fc.constantFrom(...ROUTES), queries, async (route, query) => {
          const request = await world.request(route, {
            query,
            body: route.body === undefined ? undefined : JSON.stringify({}),
          });
          await world.exchange(route, request);
        }),
        120,
      );
    },
    propertyTimeout(120),
  );
});
