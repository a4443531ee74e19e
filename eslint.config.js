import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/**
 * The engine is pure: no clock, no randomness but its seeded PRNG, no timers, no DOM, no Node, no React.
 * The same rule is checked by src/engine/purity.test.ts, which also sees what a lint disable would hide.
 */
const engineRestrictions = {
  'no-restricted-globals': [
    'error',
    ...['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'location', 'history'].map(
      (name) => ({
        name,
        message: 'src/engine must not touch the DOM or the browser.',
      }),
    ),
    ...['setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask', 'requestAnimationFrame'].map(
      (name) => ({
        name,
        message: 'src/engine runs on virtual time: schedule on the event queue instead of a timer.',
      }),
    ),
    ...[
      'performance',
      'process',
      'require',
      'Buffer',
      'global',
      '__dirname',
      'fetch',
      'XMLHttpRequest',
      'crypto',
    ].map((name) => ({ name, message: 'src/engine must not use Node or network APIs.' })),
  ],
  'no-restricted-properties': [
    'error',
    { object: 'Date', property: 'now', message: 'src/engine must not read the clock; use virtual time.' },
    { object: 'Math', property: 'random', message: 'src/engine must use the seeded PRNG (sim/rng.ts).' },
  ],
  'no-restricted-syntax': [
    'error',
    {
      selector: "NewExpression[callee.name='Date'][arguments.length=0]",
      message: 'src/engine must not read the clock; use virtual time.',
    },
    {
      selector: "CallExpression[callee.name='Date']",
      message: 'src/engine must not read the clock; use virtual time.',
    },
  ],
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        {
          group: ['node:*', 'fs', 'path', 'os', 'child_process', 'url', 'crypto'],
          message: 'No Node APIs in src/engine.',
        },
        {
          group: [
            'react',
            'react-dom',
            'react/*',
            '@xyflow/*',
            'motion',
            'motion/*',
            'zustand',
            'monaco-editor',
            'monaco-editor/*',
            'comlink',
          ],
          message: 'src/engine imports no UI or browser library.',
        },
        {
          group: ['**/ui/**', '**/state/**', '**/worker/**', '**/share/**', '**/cli/**'],
          message: 'Dependencies point one way: into the engine, never out of it.',
        },
      ],
    },
  ],
}

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'public'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['src/engine/**/*.ts'],
    ignores: ['src/engine/**/*.test.ts', 'src/engine/**/*.bench.ts'],
    languageOptions: { globals: {} },
    rules: engineRestrictions,
  },
  {
    files: ['src/cli/**', 'e2e/**', '*.config.{js,ts}', '**/*.test.ts', '**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
)
