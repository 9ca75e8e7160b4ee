import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryModule, DiscoveryService, Reflector } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { PermissionsMetadata, Public, Roles } from '@steward/api-auth-feature';
import { loadApiConfig } from '@steward/api-config-util';
import { AppModule } from './app.module';

/** Every route of the composed app, with whether it is public or declares what it needs. */
async function routes(): Promise<{ route: string; guarded: boolean; isPublic: boolean }[]> {
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.register(loadApiConfig({ NODE_ENV: 'test' })), DiscoveryModule],
  }).compile();
  const reflector = moduleRef.get(Reflector);
  return moduleRef
    .get(DiscoveryService)
    .getControllers()
    .flatMap(({ metatype }) => {
      const controller = metatype as new (...args: never[]) => object;
      const prototype = controller.prototype as Record<string, unknown>;
      return Object.getOwnPropertyNames(prototype)
        .filter((name) => name !== 'constructor' && Reflect.hasMetadata(METHOD_METADATA, prototype[name] as object))
        .map((name) => {
          const handler = prototype[name] as () => unknown;
          const targets = [handler, controller];
          const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
          return {
            route:
              `${method} /${Reflect.getMetadata(PATH_METADATA, controller)}/${Reflect.getMetadata(PATH_METADATA, handler)}`
                .replace(/\/+/g, '/')
                .replace(/(.)\/$/, '$1'),
            isPublic: reflector.getAllAndOverride(Public, targets) === true,
            guarded:
              reflector.getAllAndOverride(PermissionsMetadata, targets) !== undefined ||
              reflector.getAllAndOverride(Roles, targets) !== undefined,
          };
        });
    });
}

describe('AppModule', () => {
  describe('routes', () => {
    it('should each declare permissions or be explicitly public, so no route ships unguarded', async () => {
      const all = await routes();
      expect(all.length).toBeGreaterThan(0);
      expect(all.filter(({ guarded, isPublic }) => !guarded && !isPublic).map(({ route }) => route)).toEqual([]);
    });

    it('should keep the public surface to health checks', async () => {
      const open = (await routes()).filter(({ isPublic }) => isPublic).map(({ route }) => route);
      expect(open).toEqual(['GET /health', 'GET /health/ready']);
    });
  });
});
