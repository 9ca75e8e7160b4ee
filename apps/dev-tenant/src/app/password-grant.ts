import type Provider from 'oidc-provider';
import {
  errors,
  type Client,
  type KoaContextWithOIDC,
  type ResourceServer,
  type ResourceServerInstance,
} from 'oidc-provider';
import { profileClaims } from './accounts';
import type { Accounts } from './accounts';

export type ResourceServerInfo = (ctx: KoaContextWithOIDC, resource: string, client: Client) => Promise<ResourceServer>;

/**
 * Auth0's Resource Owner Password grant (`grant_type=password`), for tests and CLI use with a
 * client that allows it. Tokens have the same shape as the browser flow's.
 */
export function registerPasswordGrant(
  provider: Provider,
  accounts: Accounts,
  resourceServerInfo: ResourceServerInfo,
): void {
  // oidc-provider builds resource servers with this class; its typings do not list it.
  const ResourceServerClass = (
    provider as unknown as {
      ResourceServer: new (id: string, info: ResourceServer) => ResourceServerInstance & { scopes: Set<string> };
    }
  ).ResourceServer;
  const handler = async (ctx: KoaContextWithOIDC) => {
    const { params, client } = ctx.oidc;
    if (!params || !client) throw new errors.InvalidRequest('missing client');
    const username = params['username'];
    const password = params['password'];
    if (typeof username !== 'string' || typeof password !== 'string') {
      throw new errors.InvalidRequest('username and password are required');
    }
    const result = accounts.authenticate(username, password, {
      clientId: client.clientId,
      clientName: client.clientName ?? client.clientId,
      ip: ctx.ip,
      userAgent: ctx.get('user-agent'),
    });
    if (!result.ok) {
      throw new errors.CustomOIDCProviderError(
        result.reason === 'blocked' ? 'unauthorized' : 'invalid_grant',
        result.reason === 'blocked' ? 'user is blocked' : 'Wrong email or password.',
      );
    }
    const accountId = result.account.userId;
    const requested = new Set(
      String(params['scope'] ?? 'openid')
        .split(' ')
        .filter(Boolean),
    );
    const audience = typeof params['audience'] === 'string' ? params['audience'] : undefined;

    const grant = new provider.Grant({ accountId, clientId: client.clientId });
    const oidcScope = ['openid', 'profile', 'email', 'offline_access'].filter((s) => requested.has(s)).join(' ');
    grant.addOIDCScope(oidcScope);
    let resourceServer: (ResourceServerInstance & { scopes: Set<string> }) | undefined;
    if (audience) {
      const info = await resourceServerInfo(ctx, audience, client);
      resourceServer = new ResourceServerClass(audience, info);
      grant.addResourceScope(audience, info.scope ?? '');
    }
    const grantId = await grant.save();

    const accessToken = new provider.AccessToken({
      accountId,
      client,
      grantId,
      gty: 'password',
      scope: [...requested].filter((s) => resourceServer?.scopes.has(s)).join(' '),
      ...(resourceServer ? { resourceServer } : {}),
    });
    ctx.oidc.entity('AccessToken', accessToken);
    const accessTokenValue = await accessToken.save();

    let refreshToken: string | undefined;
    if (requested.has('offline_access') && client.grantTypeAllowed('refresh_token')) {
      const rt = new provider.RefreshToken({
        accountId,
        client,
        grantId,
        gty: 'password',
        scope: oidcScope,
        resource: audience,
        rotations: 0,
      });
      refreshToken = await rt.save();
    }

    let idToken: string | undefined;
    if (requested.has('openid')) {
      const token = new provider.IdToken(profileClaims(result.account), { ctx });
      // The ID token keeps the claims of these scopes; the typings omit this property.
      (token as unknown as { scope: string }).scope = oidcScope;
      idToken = await token.issue({ use: 'idtoken' });
    }

    ctx.body = {
      access_token: accessTokenValue,
      ...(idToken ? { id_token: idToken } : {}),
      ...(refreshToken ? { refresh_token: refreshToken } : {}),
      scope: oidcScope,
      expires_in: accessToken.expiration,
      token_type: 'Bearer',
    };
  };
  provider.registerGrantType('password', handler, ['username', 'password', 'scope', 'audience']);
}
