import nx from '@nx/eslint-plugin';
import baseConfig from './eslint.config.mjs';

/** The flat ESLint config every Angular project (console app and libs) uses: Nx's Angular rules, `st` prefix. */
export default [
  ...nx.configs['flat/angular'],
  ...nx.configs['flat/angular-template'],
  ...baseConfig,
  {
    files: ['**/*.ts'],
    rules: {
      '@angular-eslint/directive-selector': ['error', { type: 'attribute', prefix: 'st', style: 'camelCase' }],
      '@angular-eslint/component-selector': ['error', { type: 'element', prefix: 'st', style: 'kebab-case' }],
    },
  },
];
