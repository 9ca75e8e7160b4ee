import nx from '@nx/eslint-plugin';

const consoleBans = [
  '@nestjs/*',
  'typeorm',
  'mysql2',
  'better-sqlite3',
  'auth0',
  'passport',
  'passport-*',
  'jwks-rsa',
  'oidc-provider',
  'express',
  'fastify',
];
const apiBans = ['@angular/*', '@auth0/*', 'rxjs/webSocket', 'oidc-provider'];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/out-tsc', '**/.angular', '**/.nx', 'tools/auth0/actions/**'],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$'],
          depConstraints: [
            // Scopes: console and API never import each other; shared imports neither.
            {
              sourceTag: 'scope:shared',
              onlyDependOnLibsWithTags: ['scope:shared'],
              bannedExternalImports: [...consoleBans, ...apiBans],
            },
            {
              sourceTag: 'scope:api',
              onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'],
              bannedExternalImports: apiBans,
            },
            {
              sourceTag: 'scope:console',
              onlyDependOnLibsWithTags: ['scope:console', 'scope:shared'],
              bannedExternalImports: consoleBans,
            },
            // Test infrastructure: only e2e suites use it, and it drives the apps from outside.
            {
              sourceTag: 'scope:testing',
              onlyDependOnLibsWithTags: ['scope:testing', 'scope:shared'],
              bannedExternalImports: ['@angular/*', '@nestjs/*'],
            },
            {
              sourceTag: 'scope:e2e',
              onlyDependOnLibsWithTags: ['scope:testing', 'scope:shared'],
              bannedExternalImports: ['@angular/*', '@nestjs/*'],
            },
            // Deployment checks (tools/deploy) hold the manifests to the API's own config loader.
            {
              sourceTag: 'scope:deploy',
              onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'],
              bannedExternalImports: ['@angular/*'],
            },
            {
              sourceTag: 'scope:dev-tenant',
              onlyDependOnLibsWithTags: ['scope:shared'],
              bannedExternalImports: ['@angular/*', '@nestjs/*'],
            },
            // Types: apps compose, features use the layers below them, utilities stay leaf-like.
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:ui', 'type:util', 'type:domain'],
            },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:util', 'type:domain'] },
            {
              sourceTag: 'type:feature',
              onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:ui', 'type:util', 'type:domain'],
            },
            {
              sourceTag: 'type:data-access',
              onlyDependOnLibsWithTags: ['type:data-access', 'type:util', 'type:domain'],
            },
            { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:ui', 'type:util', 'type:domain'] },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util', 'type:domain'] },
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain'] },
          ],
        },
      ],
    },
  },
  {
    files: ['**/src/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'class-validator',
              importNames: ['IsOptional'],
              message: "IsOptional lets null through to the database; use Optional from '@steward/api-core-util'.",
            },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Specs declare throwaway controllers and fakes whose bodies do not matter.
    files: ['**/*.spec.ts'],
    rules: { '@typescript-eslint/no-empty-function': 'off' },
  },
];
