import { load } from 'js-yaml';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** An API (resource server) of the tenant. */
export interface ApiDescription {
  identifier: string;
  name: string;
  scopes: string[];
  /** What each scope (permission) allows, by scope. */
  scopeDescriptions: Record<string, string>;
  tokenLifetime: number;
  allowOfflineAccess: boolean;
}

export interface ClientDescription {
  clientId: string;
  clientSecret?: string;
  name: string;
  grantTypes: string[];
  tokenEndpointAuthMethod: 'none' | 'client_secret_post' | 'client_secret_basic';
  callbacks: string[];
  logoutUrls: string[];
  webOrigins: string[];
}

export interface RoleDescription {
  name: string;
  description: string;
  /** Permissions by API identifier. */
  permissions: { permission: string; audience: string }[];
}

export interface UserFixture {
  email: string;
  name: string;
  roles: string[];
  blocked?: boolean;
}

export interface TenantDescription {
  apis: ApiDescription[];
  clients: ClientDescription[];
  clientGrants: { clientId: string; audience: string; scope: string[] }[];
  roles: RoleDescription[];
  /** Post-login Action sources with their secrets, in trigger order. */
  postLoginActions: { name: string; code: string; secrets: Record<string, string> }[];
  users: UserFixture[];
}

type Keywords = Record<string, string | string[]>;

/**
 * Applies auth0-deploy-cli keyword replacement: `##KEY##` is replaced by the value as text,
 * `@@KEY@@` (quoted or not) by the value as JSON, e.g. an array.
 */
export function replaceKeywords(text: string, keywords: Keywords): string {
  const value = (key: string) => {
    if (!Object.hasOwn(keywords, key)) throw new Error(`tenant description: no value for keyword ${key}`);
    return keywords[key];
  };
  return text
    .replace(/(['"]?)@@(\w+)@@\1/g, (_match, _quote, key: string) => JSON.stringify(value(key)))
    .replace(/##(\w+)##/g, (_match, key: string) => String(value(key)));
}

/**
 * Reads the real tenant's description (tools/auth0/tenant.yaml) with the dev fixtures
 * (tools/auth0/dev/fixtures.yaml): the fixtures supply what a real tenant generates itself.
 */
export function loadTenantDescription(
  tenantFile: string,
  fixturesFile: string,
  overrides: Keywords,
): TenantDescription {
  const fixtures = load(readFileSync(fixturesFile, 'utf8')) as Fixtures;
  const keywords = { ...fixtures.keywords, ...overrides };
  const tenant = load(replaceKeywords(readFileSync(tenantFile, 'utf8'), keywords)) as DeployCliTenant;
  const idOf = (name: string) => fixtures.clientIds[name] ?? name;
  const toClient = (client: DeployCliClient): ClientDescription => ({
    clientId: client.client_id ?? idOf(client.name),
    clientSecret: fixtures.clientSecrets?.[client.name],
    name: client.name,
    grantTypes: client.grant_types ?? [],
    tokenEndpointAuthMethod: client.token_endpoint_auth_method ?? 'client_secret_post',
    callbacks: client.callbacks ?? [],
    logoutUrls: client.allowed_logout_urls ?? [],
    webOrigins: client.web_origins ?? [],
  });
  const actionsByName = new Map((tenant.actions ?? []).map((action) => [action.name, action]));
  return {
    apis: (tenant.resourceServers ?? []).map((api) => ({
      identifier: api.identifier,
      name: api.name,
      scopes: (api.scopes ?? []).map((scope) => scope.value),
      scopeDescriptions: Object.fromEntries((api.scopes ?? []).map((scope) => [scope.value, scope.description ?? ''])),
      tokenLifetime: api.token_lifetime ?? 86400,
      allowOfflineAccess: api.allow_offline_access ?? false,
    })),
    clients: [...(tenant.clients ?? []), ...(fixtures.clients ?? [])].map(toClient),
    clientGrants: (tenant.clientGrants ?? []).map((grant) => ({
      clientId: idOf(grant.client_id),
      audience: grant.audience,
      scope: grant.scope,
    })),
    roles: (tenant.roles ?? []).map((role) => ({
      name: role.name,
      description: role.description ?? '',
      permissions: (role.permissions ?? []).map((p) => ({
        permission: p.permission_name,
        audience: p.resource_server_identifier,
      })),
    })),
    postLoginActions: (tenant.triggers?.['post-login'] ?? []).map(({ action_name }) => {
      const action = actionsByName.get(action_name);
      if (!action) throw new Error(`tenant description: trigger names unknown action ${action_name}`);
      return {
        name: action.name,
        code: readFileSync(resolve(dirname(tenantFile), action.code), 'utf8'),
        secrets: Object.fromEntries((action.secrets ?? []).map(({ name, value }) => [name, value])),
      };
    }),
    users: fixtures.users ?? [],
  };
}

interface Fixtures {
  keywords: Keywords;
  clientIds: Record<string, string>;
  clientSecrets?: Record<string, string>;
  clients?: DeployCliClient[];
  users?: UserFixture[];
}

interface DeployCliClient {
  name: string;
  client_id?: string;
  grant_types?: string[];
  token_endpoint_auth_method?: ClientDescription['tokenEndpointAuthMethod'];
  callbacks?: string[];
  allowed_logout_urls?: string[];
  web_origins?: string[];
}

interface DeployCliTenant {
  resourceServers?: {
    name: string;
    identifier: string;
    scopes?: { value: string; description?: string }[];
    token_lifetime?: number;
    allow_offline_access?: boolean;
  }[];
  clients?: DeployCliClient[];
  clientGrants?: { client_id: string; audience: string; scope: string[] }[];
  roles?: {
    name: string;
    description?: string;
    permissions?: { permission_name: string; resource_server_identifier: string }[];
  }[];
  actions?: { name: string; code: string; secrets?: { name: string; value: string }[] }[];
  triggers?: Record<string, { action_name: string }[]>;
}
