import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const TEST_KITS = {
  group: ['**/test/**'],
  message: 'test/ holds test kits; the product must not import them',
};
const WINGS = {
  group: ['**/health/**', '**/metrics/**', '**/redis/**', '**/alerts/**', '**/exporter/**'],
  message: 'a stage (core, sources, parsers, scan, operators, sinks) must not import a feature wing',
};
const COMMANDS = { group: ['**/commands/**'], message: 'only the CLI imports the commands' };

export default tseslint.config(
  { ignores: ['dist/', 'dist-test/', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-control-regex': 'off',
    },
  },
  {
    // Product code never depends on a test kit: the product build (dist/, the package) holds no tests.
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [TEST_KITS] }] },
  },
  {
    // Imports follow the flow: the stages and the scan engine know nothing of the wings and commands built on them.
    files: ['src/{core,sources,parsers,scan,operators,sinks}/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [TEST_KITS, WINGS, COMMANDS] }] },
  },
  {
    // A wing is a feature, not a command: commander and the commands' wiring stay in src/commands.
    files: ['src/{health,metrics,redis,alerts,exporter}/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'commander', message: 'commander wiring belongs in src/commands' }],
          patterns: [TEST_KITS, COMMANDS],
        },
      ],
    },
  },
  {
    files: ['bin/**/*.js', 'bench/**/*.js', 'bench/**/*.mjs', 'scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    // bin/package.json makes the shim CommonJS: it requires the CommonJS bundle without the ESM loader.
    files: ['bin/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
