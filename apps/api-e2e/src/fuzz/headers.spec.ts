import fc from 'fast-check';
import { authorizations, contentTypes, ifMatchValues, requestIds } from './arbitraries';
import { ExchangeError, expectStatus, expectUnauthorized } from './expectations';
import { PROTECTED_ROUTES, ROUTES, ROUTES_WITH_BODY, type Route } from './routes';
import { assertProperty, propertyTimeout } from './settings';
import { useFuzzWorld } from './world';

const PATCH_RECORD = ROUTES.find((route) => route.method === 'PATCH' && route.path === '/api/records/:id') as Route;
const CREATE_RECORD = ROUTES.find((route) => route.method === 'POST' && route.path === '/api/records') as Route;

/** SPEC §4.1, §6 and §10 on request headers: odd forms are refused cleanly, never a 5xx. */
describe('Fuzz: request headers', () => {
  const world = useFuzzWorld();

  it(
    'should accept exactly one "Bearer <token>" Authorization and refuse every other form with a 401',
    async () => {
      await assertProperty(
        fc.asyncProperty(fc.constantFrom(...PROTECTED_ROUTES), authorizations(world), async (route, authorization) => {
          const request = await world.request(route, {
            authorization: null,
            headers: authorization.values.map((value) => ['authorization', value]),
          });
          const response = await world.exchange(route, request);
          if (!authorization.accepted) {
            if (authorization.values.length > 1) expectStatus(request, response, [400, 401]);
            else expectUnauthorized(request, response);
          } else if (response.status === 401) {
            throw new ExchangeError('a valid credential was refused', request, response);
          }
        }),
        150,
      );
    },
    propertyTimeout(150),
  );

  it(
    'should take no token from the query string or the body, and refuse one sent there too',
    async () => {
      await assertProperty(
        fc.asyncProperty(
          fc.constantFrom(...ROUTES_WITH_BODY),
          fc.constantFrom('query' as const, 'body' as const),
          fc.boolean(),
          async (route, where, withHeader) => {
            const token = world.adminToken();
            const request = await world.request(route, {
              authorization: withHeader ? `Bearer ${token}` : null,
              query: where === 'query' ? `access_token=${token}` : undefined,
              body: JSON.stringify(where === 'body' ? { access_token: token } : {}),
            });
            const response = await world.exchange(route, request);
            if (withHeader) expectStatus(request, response, [400]);
            else expectUnauthorized(request, response, token);
          },
        ),
        30,
      );
    },
    propertyTimeout(30),
  );

  it(
    'should answer any Content-Type without a 5xx, and JSON bodies only as JSON',
    async () => {
      await assertProperty(
        fc.asyncProperty(fc.constantFrom(...ROUTES_WITH_BODY), contentTypes, async (route, contentType) => {
          const request = await world.request(route, {
            body: JSON.stringify({ title: 'typed', status: 'draft' }),
            headers: [['content-type', contentType]],
          });
          const response = await world.exchange(route, request);
          if (!/^application\/json\s*(;|$)/i.test(contentType) && response.status < 400)
            throw new ExchangeError('a body that does not say it is JSON was read as JSON', request, response);
        }),
        80,
      );
    },
    propertyTimeout(80),
  );

  it(
    'should answer If-Match garbage on PATCH with 412 or 428, and the current ETag with 200',
    async () => {
      await assertProperty(
        fc.asyncProperty(ifMatchValues, async (value) => {
          const current = `"${await world.api.versionOf(world.recordId)}"`;
          const ifMatch = value === 'CURRENT' ? current : value;
          const request = await world.request(PATCH_RECORD, {
            body: JSON.stringify({ title: `If-Match ${ifMatch.length}` }),
            headers: [['if-match', ifMatch]],
          });
          const response = await world.exchange(PATCH_RECORD, request);
          if (ifMatch.trim() === current) expectStatus(request, response, [200]);
          else if (ifMatch.trim() === '') expectStatus(request, response, [428]);
          else expectStatus(request, response, [412, 428]);
        }),
        80,
      );
    },
    propertyTimeout(80),
  );

  it(
    "should answer with a request id of its own and never store the caller's in the audit log",
    async () => {
      await assertProperty(
        fc.asyncProperty(requestIds, async (requestId) => {
          const request = await world.request(CREATE_RECORD, {
            body: JSON.stringify({ title: 'Request id', status: 'draft' }),
            headers: [['x-request-id', requestId]],
          });
          const response = await world.exchange(CREATE_RECORD, request);
          expectStatus(request, response, [201]);
          const answered = response.headers['x-request-id'] ?? '';
          if (!/^[\w-]{8,64}$/.test(answered) || answered === requestId)
            throw new ExchangeError(`the answer's request id is not the server's own: ${answered}`, request, response);
          const stored = await world.api.lastAuditRequestId();
          if (stored !== answered)
            throw new ExchangeError(`the audit log stored request id ${stored}, not ${answered}`, request, response);
        }),
        60,
      );
    },
    propertyTimeout(60),
  );
});
