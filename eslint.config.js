import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/generated/**',
      '**/*.generated.ts',
      'web/src/gql/**',
      'test-results/**',
      '**/dist/**',
      '.cinegraph/**',
      '.turbo/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['error', 'warn'] }],
    },
  },
  {
    // Libraries never import an application: packages/ is shared code, the applications
    // (gateway, subgraphs, web, and stack, which starts them) build on it.
    files: ['packages/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@cinegraph/{gateway,web,stack,users,movies,reviews,watchlists,bookings,payments,notifications}',
                '@cinegraph/{gateway,web,stack,users,movies,reviews,watchlists,bookings,payments,notifications}/*',
                '**/../gateway/**',
                '**/../subgraphs/**',
                '**/../web/**',
                '**/../stack/**',
              ],
              message: 'packages/ holds libraries: they never import an application.',
            },
          ],
        },
      ],
    },
  },
  {
    // The web app runs in browsers.
    files: ['web/src/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['scripts/**', 'bench/**', 'tools/**', 'web/scripts/**', 'gateway/conformance/run.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    // A shim over Prisma 6's untyped adapter internals (see tools/prisma-migrate/README.md).
    files: ['tools/prisma-migrate/src/**'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/ban-ts-comment': 'off',
    },
  },
);
