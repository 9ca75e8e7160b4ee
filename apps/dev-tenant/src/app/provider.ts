import Provider, { errors, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { profileClaims, type Accounts } from './accounts';
import { escapeHtml, renderPage } from './pages';
import { registerPasswordGrant, type ResourceServerInfo } from './password-grant';
import type { PostLoginActions } from './post-login-actions';
import type { SigningJwk } from './signing-keys';
import type { TenantDescription } from './tenant-description';

export interface ProviderOptions {
  issuer: string;
  tenant: TenantDescription;
  accounts: Accounts;
  actions: PostLoginActions;
  signingKeys: SigningJwk[];
  cookieKeys: string[];
}

const OIDC_SCOPES = ['openid', 'profile', 'email', 'offline_access'];

/**
 * oidc-provider configured to answer like an Auth0 tenant: Auth0's paths, the `audience`
 * parameter, RBAC `permissions` and Action claims in JWT access tokens, `<client>@clients`
 * machine tokens, silent auth over `web_message`, and `/v2/logout?returnTo`.
 */
export function createProvider({
  issuer,
  tenant,
  accounts,
  actions,
  signingKeys,
  cookieKeys,
}: ProviderOptions): Provider {
  const apis = new Map(tenant.apis.map((api) => [api.identifier, api]));
  const clientGrants = tenant.clientGrants;
  const grantFor = (clientId: string, audience: string) =>
    clientGrants.find((grant) => grant.clientId === clientId && grant.audience === audience);
  const clientNames = new Map(tenant.clients.map((client) => [client.clientId, client.name]));

  const getResourceServerInfo: ResourceServerInfo = async (ctx, resource, client) => {
    const machine = ctx.oidc.params?.['grant_type'] === 'client_credentials';
    const grant = grantFor(client.clientId, resource);
    const api = apis.get(resource);
    if (machine && !grant) {
      throw new errors.AccessDenied(`Client is not authorized to access "${resource}".`);
    }
    if (!api && !grant) throw new errors.InvalidTarget();
    return {
      scope: (grant?.scope ?? api?.scopes ?? []).join(' '),
      audience: resource,
      accessTokenTTL: api?.tokenLifetime ?? 86400,
      accessTokenFormat: 'jwt',
      jwt: { sign: { alg: 'RS256' } },
    };
  };

  const configuration: Configuration = {
    clients: tenant.clients.map((client) => ({
      client_id: client.clientId,
      client_name: client.name,
      ...(client.clientSecret ? { client_secret: client.clientSecret } : {}),
      token_endpoint_auth_method: client.tokenEndpointAuthMethod,
      grant_types: client.grantTypes,
      response_types: client.grantTypes.includes('authorization_code') ? ['code'] : [],
      redirect_uris: client.callbacks,
      post_logout_redirect_uris: client.logoutUrls,
      // Auth0 "Allowed Web Origins": also the CORS allow-list for the token endpoint.
      'urn:steward:web_origins': client.webOrigins,
      scope: [
        ...OIDC_SCOPES,
        ...clientGrants.filter((g) => g.clientId === client.clientId).flatMap((g) => g.scope),
      ].join(' '),
    })),
    extraClientMetadata: { properties: ['urn:steward:web_origins'] },
    clientBasedCORS: (_ctx, origin, client) =>
      ((client['urn:steward:web_origins'] as string[] | undefined) ?? []).includes(origin),
    jwks: { keys: signingKeys },
    cookies: { keys: cookieKeys },
    routes: {
      authorization: '/authorize',
      token: '/oauth/token',
      userinfo: '/userinfo',
      jwks: '/.well-known/jwks.json',
      revocation: '/oauth/revoke',
      end_session: '/v2/logout',
    },
    scopes: [
      ...new Set([
        ...OIDC_SCOPES,
        ...tenant.apis.flatMap((api) => api.scopes),
        ...clientGrants.flatMap((g) => g.scope),
      ]),
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'nickname', 'updated_at'] },
    // auth0-spa-js reads the profile from the ID token.
    conformIdTokenClaims: false,
    extraParams: ['audience'],
    pkce: { required: () => true },
    ttl: {
      AccessToken: (_ctx, token) => token.resourceServer?.accessTokenTTL ?? 3600,
      ClientCredentials: (_ctx, token) => token.resourceServer?.accessTokenTTL ?? 86400,
      IdToken: 36000,
      AuthorizationCode: 60,
      RefreshToken: 30 * 24 * 3600,
      Grant: 30 * 24 * 3600,
      Interaction: 3600,
      Session: 14 * 24 * 3600,
    },
    findAccount: (ctx, id) => {
      const account = accounts.find(id);
      if (!account) return undefined;
      if (account.blocked) {
        // Auth0's words, which auth0-spa-js reacts to by signing the user out.
        if (ctx.oidc.route === 'token') throw new errors.CustomOIDCProviderError('invalid_grant', 'user is blocked');
        // A tenant session of a since-blocked user: back to the app with Auth0's error, as Auth0 does.
        if (ctx.oidc.route === 'authorization' || ctx.oidc.route === 'resume')
          throw new errors.CustomOIDCProviderError('unauthorized', 'user is blocked');
        return undefined;
      }
      return {
        accountId: account.userId,
        claims: () => profileClaims(account),
      };
    },
    // First-party clients never see a consent screen (Auth0 skips consent for them).
    loadExistingGrant: async (ctx) => {
      const { client, session, params } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const existingId = session.grantIdFor(client.clientId);
      const grant =
        (existingId && (await ctx.oidc.provider.Grant.find(existingId))) ||
        new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope(OIDC_SCOPES.join(' '));
      const audience = params?.['audience'];
      const api = typeof audience === 'string' ? apis.get(audience) : undefined;
      if (api) grant.addResourceScope(api.identifier, api.scopes.join(' '));
      await grant.save();
      return grant;
    },
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      revocation: { enabled: true },
      userinfo: { enabled: true },
      webMessageResponseMode: { enabled: true, ack: 'individual-draft-01' },
      rpInitiatedLogout: {
        enabled: true,
        // Auth0's /v2/logout asks nothing: submit the confirmation form at once.
        logoutSource: async (ctx, form) => {
          ctx.body = renderPage(
            'Signing out',
            `${form.replace('</form>', '<input type="hidden" name="logout" value="yes"></form>')}
            <p>Signing you out…</p><script>document.forms[0].submit()</script>`,
          );
        },
        postLogoutSuccessSource: async (ctx) => {
          ctx.body = renderPage('Signed out', '<h1>You are signed out.</h1>');
        },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: async (ctx) => {
          const audience =
            ctx.oidc.params?.['audience'] ?? (ctx.oidc.body as Record<string, unknown> | undefined)?.['audience'];
          return typeof audience === 'string' ? audience : undefined;
        },
        // auth0-spa-js sends `audience` to /authorize only; tokens stay bound to what was granted there.
        useGrantedResource: async () => true,
        getResourceServerInfo,
      },
    },
    formats: {
      customizers: {
        // Shape access tokens the way Auth0 does.
        jwt: async (_ctx, token, jwt) => {
          jwt.header = { typ: 'JWT' };
          const payload = jwt.payload as Record<string, unknown>;
          const clientId = payload['client_id'] as string;
          delete payload['client_id'];
          delete payload['jti'];
          payload['azp'] = clientId;
          const audience = token.resourceServer?.audience as string;
          if (token.kind === 'ClientCredentials') {
            payload['sub'] = `${clientId}@clients`;
            payload['gty'] = 'client-credentials';
            payload['scope'] = (grantFor(clientId, audience)?.scope ?? []).join(' ');
            return;
          }
          const account = accounts.find(String(token.accountId));
          if (!account) throw new errors.InvalidGrant('account not found');
          const permissions = accounts.permissionsFor(account, audience);
          const requested = String(payload['scope'] ?? '')
            .split(' ')
            .filter((s) => permissions.includes(s));
          payload['aud'] = [audience, new URL('userinfo', issuer).href];
          payload['scope'] = [...OIDC_SCOPES.filter((s) => s !== 'offline_access'), ...requested].join(' ');
          payload['permissions'] = permissions;
          if ((token as { gty?: string }).gty === 'password') payload['gty'] = 'password';
          Object.assign(
            payload,
            await actions.accessTokenClaims(account, { clientId, name: clientNames.get(clientId) ?? clientId }),
          );
        },
      },
    },
    interactions: { url: (_ctx, interaction) => `/u/login/${interaction.uid}` },
    renderError: async (ctx, out) => {
      ctx.type = 'html';
      ctx.body = renderPage(
        'Error',
        `<h1>Something went wrong</h1><p>${escapeHtml(out['error_description'] ?? out.error)}</p>`,
      );
    },
  };

  const provider = new Provider(issuer, configuration);
  provider.proxy = false;
  registerPasswordGrant(provider, accounts, getResourceServerInfo);
  provider.on('end_session.success', (ctx: KoaContextWithOIDC) => {
    // The session is destroyed by now, but the object still names who signed out.
    const account = ctx.oidc.session?.accountId ? accounts.find(ctx.oidc.session.accountId) : undefined;
    if (!account) return;
    const clientId = ctx.oidc.client?.clientId;
    accounts.logs.record({
      type: 'slo',
      description: 'Successful logout',
      userId: account.userId,
      userName: account.email,
      clientId,
      clientName: clientId ? clientNames.get(clientId) : undefined,
      ip: ctx.ip,
      userAgent: ctx.get('user-agent'),
    });
  });
  provider.use(auth0LogoutParameters);
  provider.use(auth0TokenErrors);
  return provider;
}

/** Auth0's wording for token errors that auth0-spa-js and Auth0 clients match on. */
async function auth0TokenErrors(ctx: KoaContextWithOIDC, next: () => Promise<void>): Promise<void> {
  await next();
  const body = ctx.body as { error?: string; error_description?: string } | undefined;
  if (ctx.oidc?.route !== 'token' || !body?.error) return;
  const grantType = ctx.oidc.params?.['grant_type'];
  if (
    grantType === 'refresh_token' &&
    body.error === 'invalid_grant' &&
    body.error_description === 'grant request is invalid'
  ) {
    body.error_description = 'Unknown or invalid refresh token.';
  } else if (body.error_description === 'requested grant type is not allowed for this client') {
    ctx.status = 403;
    ctx.body = {
      error: 'unauthorized_client',
      error_description: `Grant type '${String(grantType)}' not allowed for the client.`,
    };
  }
}

/** Auth0's `/v2/logout?client_id&returnTo` is OIDC RP-initiated logout with another parameter name. */
async function auth0LogoutParameters(ctx: KoaContextWithOIDC, next: () => Promise<void>): Promise<void> {
  if (ctx.method === 'GET' && ctx.path === '/v2/logout') {
    const query = new URLSearchParams(ctx.querystring);
    const returnTo = query.get('returnTo');
    if (returnTo && !query.has('post_logout_redirect_uri')) {
      query.set('post_logout_redirect_uri', returnTo);
      query.delete('returnTo');
      ctx.querystring = query.toString();
    }
  }
  await next();
}
