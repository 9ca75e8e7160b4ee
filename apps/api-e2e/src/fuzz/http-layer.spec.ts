import fc from 'fast-check';
import { httpLayerCases } from './arbitraries';
import { assertProperty, propertyTimeout } from './settings';
import { useFuzzWorld } from './world';

/**
 * SPEC §10: a malformed request line or an oversized head is turned away by the HTTP server
 * itself, with the same security headers as any answer, and the process keeps running.
 */
describe('Fuzz: the HTTP layer', () => {
  const world = useFuzzWorld();

  it(
    'should turn away broken and oversized requests cleanly and keep running',
    async () => {
      await assertProperty(
        fc.asyncProperty(httpLayerCases, async ({ request }) => {
          await world.exchange({ method: 'GET', path: request.target, needs: 'public' }, request);
        }),
        30,
      );
    },
    propertyTimeout(30),
  );
});
