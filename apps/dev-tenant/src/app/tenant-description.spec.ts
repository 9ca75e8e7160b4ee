import { isPermission, PERMISSIONS, STEWARD_ROLE_PERMISSIONS, STEWARD_ROLES } from '@steward/shared-domain';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTenantDescription, replaceKeywords } from './tenant-description';

const AUTH0_DIR = join(__dirname, '../../../../tools/auth0');
const TENANT_FILE = join(AUTH0_DIR, 'tenant.yaml');
const FIXTURES_FILE = join(AUTH0_DIR, 'dev/fixtures.yaml');
const AUDIENCE = 'https://api.steward.local/';

describe('replaceKeywords', () => {
  describe('##KEY##', () => {
    it('should insert the value as text, everywhere it occurs', () => {
      const text = "identifier: '##API##'\naudience: 'https://##DOMAIN##/api/v2/'\nagain: ##API##";
      expect(replaceKeywords(text, { API: 'https://api.example/', DOMAIN: 'tenant.example' })).toBe(
        "identifier: 'https://api.example/'\naudience: 'https://tenant.example/api/v2/'\nagain: https://api.example/",
      );
    });
  });

  describe('@@KEY@@', () => {
    it('should insert the value as JSON, dropping the quotes around it', () => {
      const origins = ['http://a.example', 'http://b.example'];
      const json = '["http://a.example","http://b.example"]';
      expect(replaceKeywords("callbacks: '@@ORIGINS@@'", { ORIGINS: origins })).toBe(`callbacks: ${json}`);
      expect(replaceKeywords('callbacks: "@@ORIGINS@@"', { ORIGINS: origins })).toBe(`callbacks: ${json}`);
      expect(replaceKeywords('callbacks: @@ORIGINS@@', { ORIGINS: origins })).toBe(`callbacks: ${json}`);
    });

    it('should quote a string value as JSON', () => {
      expect(replaceKeywords('name: @@NAME@@', { NAME: 'it "works"' })).toBe('name: "it \\"works\\""');
    });
  });

  describe('unknown keywords', () => {
    it('should throw naming the keyword', () => {
      expect(() => replaceKeywords('a: ##MISSING##', {})).toThrow(/MISSING/);
      expect(() => replaceKeywords('a: @@MISSING@@', { OTHER: 'x' })).toThrow(/MISSING/);
    });

    it('should leave text without keywords alone', () => {
      expect(replaceKeywords('a: #b# @c@ ## @@', {})).toBe('a: #b# @c@ ## @@');
    });
  });
});

describe('loadTenantDescription', () => {
  const origins = ['http://localhost:4200', 'http://127.0.0.1:4200'];
  const tenant = loadTenantDescription(TENANT_FILE, FIXTURES_FILE, {
    AUTH0_DOMAIN: 'localhost:4600',
    CONSOLE_ORIGINS: origins,
  });
  const client = (name: string) => tenant.clients.find((candidate) => candidate.name === name);

  describe('with the real tenant and dev fixtures', () => {
    it('should give the console its fixture id and the overridden origins', () => {
      expect(client('Steward Console')).toEqual({
        clientId: 'steward-console',
        clientSecret: undefined,
        name: 'Steward Console',
        grantTypes: ['authorization_code', 'refresh_token'],
        tokenEndpointAuthMethod: 'none',
        callbacks: origins,
        logoutUrls: origins,
        webOrigins: origins,
      });
    });

    it('should give the management client its fixture id, secret and grant', () => {
      expect(client('Steward Management')).toMatchObject({
        clientId: 'steward-management',
        clientSecret: 'dev-tenant-fixture-management-secret',
        grantTypes: ['client_credentials'],
        tokenEndpointAuthMethod: 'client_secret_post',
      });
      const grant = tenant.clientGrants.find((candidate) => candidate.clientId === 'steward-management');
      expect(grant?.audience).toBe('https://localhost:4600/api/v2/');
      expect(grant?.scope).toContain('read:users');
    });

    it('should add the dev-only clients of the fixtures', () => {
      expect(client('Steward CLI (dev only)')).toMatchObject({
        clientId: 'steward-cli',
        grantTypes: ['password', 'refresh_token'],
      });
    });

    it('should use the fixture origins without an override', () => {
      const defaults = loadTenantDescription(TENANT_FILE, FIXTURES_FILE, { AUTH0_DOMAIN: 'localhost:4600' });
      expect(defaults.clients.find((candidate) => candidate.name === 'Steward Console')?.callbacks).toEqual([
        'http://localhost:4200',
      ]);
    });

    it('should describe the Steward API', () => {
      expect(tenant.apis).toHaveLength(1);
      expect(tenant.apis[0]).toMatchObject({
        identifier: AUDIENCE,
        name: 'Steward API',
        tokenLifetime: 3600,
        allowOfflineAccess: true,
      });
    });

    it('should describe the roles and their permissions on the API', () => {
      const permissionsOf = (name: string) =>
        tenant.roles
          .find((role) => role.name === name)
          ?.permissions.map(({ permission }) => permission)
          .sort();
      expect(tenant.roles.map((role) => role.name)).toEqual(['admin', 'support', 'staff', 'viewer']);
      expect(permissionsOf('admin')).toEqual([...PERMISSIONS].sort());
      expect(permissionsOf('support')).toEqual([
        'create:records',
        'read:records',
        'read:users',
        'update:records',
        'update:users',
      ]);
      expect(permissionsOf('staff')).toEqual(['create:records', 'read:records', 'update:records']);
      expect(permissionsOf('viewer')).toEqual(['read:records']);
      expect(tenant.roles.flatMap((role) => role.permissions).every(({ audience }) => audience === AUDIENCE)).toBe(
        true,
      );
    });

    it('should load the post-login action code and its secrets', () => {
      expect(tenant.postLoginActions).toEqual([
        {
          name: 'add-steward-claims',
          code: readFileSync(join(AUTH0_DIR, 'actions/add-steward-claims/code.js'), 'utf8'),
          secrets: { CLAIM_NAMESPACE: 'https://steward.local/' },
        },
      ]);
      expect(tenant.postLoginActions[0].code).toContain('onExecutePostLogin');
    });

    it('should seed the fixture users', () => {
      expect(tenant.users).toEqual([
        { email: 'admin@steward.local', name: 'Ada Admin', roles: ['admin'] },
        { email: 'support@steward.local', name: 'Sky Support', roles: ['support'] },
        { email: 'staff@steward.local', name: 'Sam Staff', roles: ['staff'] },
        { email: 'viewer@steward.local', name: 'Vic Viewer', roles: ['viewer'] },
      ]);
    });

    it('should refuse to load without a value for every keyword', () => {
      expect(() => loadTenantDescription(TENANT_FILE, FIXTURES_FILE, {})).toThrow(/AUTH0_DOMAIN/);
    });
  });

  describe('agreement with the code', () => {
    it('should grant only permissions Steward knows', () => {
      const granted = tenant.roles.flatMap((role) => role.permissions.map(({ permission }) => permission));
      expect(granted.filter((permission) => !isPermission(permission))).toEqual([]);
    });

    it('should describe exactly STEWARD_ROLES, each with the permissions the code expects', () => {
      expect(tenant.roles.map((role) => role.name)).toEqual([...STEWARD_ROLES]);
      for (const role of tenant.roles) {
        const permissions = role.permissions.map(({ permission }) => permission).sort();
        expect([role.name, permissions]).toEqual([
          role.name,
          [...STEWARD_ROLE_PERMISSIONS[role.name as keyof typeof STEWARD_ROLE_PERMISSIONS]].sort(),
        ]);
      }
    });

    it('should declare exactly PERMISSIONS as the API scopes', () => {
      const scopes = tenant.apis[0].scopes;
      expect(new Set(scopes).size).toBe(scopes.length);
      expect([...scopes].sort()).toEqual([...PERMISSIONS].sort());
    });
  });

  describe('with a trigger naming an unknown action', () => {
    let dir: string;

    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'tenant-description-'));
    });

    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('should throw naming the action', () => {
      writeFileSync(join(dir, 'tenant.yaml'), 'triggers:\n  post-login:\n    - { action_name: ghost }\n');
      writeFileSync(join(dir, 'fixtures.yaml'), 'keywords: {}\nclientIds: {}\n');
      expect(() => loadTenantDescription(join(dir, 'tenant.yaml'), join(dir, 'fixtures.yaml'), {})).toThrow(/ghost/);
    });
  });
});
