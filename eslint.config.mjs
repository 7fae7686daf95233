// Lint rules. The key one: core and webview code may never import 'vscode' (they run in Node tests and in
// the browser), and core may not reach into the extension or webview layers.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const noVscode = {
  paths: [{ name: 'vscode', message: 'src/core and src/webview must not import vscode: keep them pure.' }],
  patterns: [{ group: ['**/extension/**', '../extension/*'], message: 'Only src/extension may depend on the extension layer.' }],
};

// One door to review state: only src/extension/state/ (StateService) and src/core/ may use the review store
// and the modules that read or write its stored values. Everything else asks StateService, which follows
// renamed cards' aliases (core/review/resolved.ts).
const storeMessage = 'Only src/extension/state/ and src/core/ may use the review store: go through StateService.';
const reviewStorePatterns = [
  {
    group: [
      '**/core/review/store',
      '**/core/review/storeReads',
      '**/core/review/storeParts',
      '**/core/review/storage',
      '**/core/review/load',
      '**/core/review/reconcile',
      '**/core/review/merge',
      '**/core/review/migrateV1',
    ],
    message: storeMessage,
  },
  { group: ['**/core/review', '**/core/review/index'], importNames: ['ReviewStore'], message: storeMessage },
];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test-output/**', '*.vsix', '.vscode-test/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
      'no-console': 'off',
    },
  },
  {
    files: ['src/**/*.ts', 'test/integration/**/*.ts', 'test/ui/**/*.ts'],
    ignores: ['src/core/**', 'src/extension/state/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: reviewStorePatterns }] },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', noVscode] },
  },
  {
    // Pure like core, and outside the state service: neither vscode nor the review store.
    files: ['src/webview/**/*.ts', 'src/shared/**/*.ts', 'src/node/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: noVscode.paths, patterns: [...noVscode.patterns, ...reviewStorePatterns] }] },
  },
  {
    files: ['test/fixtures/**/*.js', 'bin/**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        exports: 'writable',
        module: 'writable',
        process: 'readonly',
        __dirname: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['scripts/**/*.mjs', 'test/harness/**/*.mjs', 'eslint.config.mjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        URL: 'readonly',
        URLSearchParams: 'readonly',
        Buffer: 'readonly',
        performance: 'readonly',
        describe: 'readonly',
        it: 'readonly',
        before: 'readonly',
        after: 'readonly',
        beforeEach: 'readonly',
        afterEach: 'readonly',
      },
    },
  },
);
