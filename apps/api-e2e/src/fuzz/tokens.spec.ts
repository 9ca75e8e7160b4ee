import fc from 'fast-check';
import { invalidTokens, wrongTypedGrants } from './arbitraries';
import { expectInsufficientScope, expectStatus, expectUnauthorized } from './expectations';
import { PROTECTED_ROUTES, ROUTES } from './routes';
import { assertProperty, propertyTimeout } from './settings';
import { useFuzzWorld } from './world';

/** SPEC §4 and §10: no token, however forged or malformed, gets in, gets a 5xx or stops the process. */
describe('Fuzz: access tokens', () => {
  const world = useFuzzWorld();

  it(
    'should refuse every invalid token with a 401 on every protected route',
    async () => {
      await assertProperty(
        fc.asyncProperty(fc.constantFrom(...PROTECTED_ROUTES), invalidTokens(world), async (route, { token }) => {
          const request = await world.request(route, { authorization: `Bearer ${token}` });
          expectUnauthorized(request, await world.exchange(route, request), token);
        }),
        250,
      );
    },
    propertyTimeout(250),
  );

  it(
    'should let a granting claim of the wrong type grant nothing',
    async () => {
      await assertProperty(
        fc.asyncProperty(fc.constantFrom(...ROUTES), wrongTypedGrants(world), async (route, { token }) => {
          const request = await world.request(route, { authorization: `Bearer ${token}` });
          const response = await world.exchange(route, request);
          if (route.needs === 'public' || route.needs === 'any-user') expectStatus(request, response, [200]);
          else expectInsufficientScope(request, response);
        }),
        120,
      );
    },
    propertyTimeout(120),
  );

  it(
    'should answer public routes whatever token comes along',
    async () => {
      const publicRoutes = ROUTES.filter((route) => route.needs === 'public');
      await assertProperty(
        fc.asyncProperty(fc.constantFrom(...publicRoutes), invalidTokens(world), async (route, { token }) => {
          const request = await world.request(route, { authorization: `Bearer ${token}` });
          expectStatus(request, await world.exchange(route, request), [200]);
        }),
        40,
      );
    },
    propertyTimeout(40),
  );
});
