// ESLint for the TypeScript sources and tests (run by `npm run lint`, part of `npm test`), with type
// information: promises must be awaited or marked `void`, core and node code never import vscode,
// and files and functions stay small enough to read.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'test-results/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    files: ['src/**/*.ts', 'test/**/*.ts'],
    languageOptions: {
      parserOptions: {
        project: [path.join(root, 'tsconfig.json'), path.join(root, 'src/webview/tsconfig.json')],
        tsconfigRootDir: root,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Data read from JSON and webviews is checked before use; these rules would flag every such read.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/restrict-template-expressions': 'off',
      '@typescript-eslint/require-await': 'off',
      'no-nested-ternary': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "MemberExpression[object.type='NewExpression'][object.callee.property.name='CancellationTokenSource']",
          message: 'A CancellationTokenSource must be disposed: keep it in a variable and call dispose() when done.',
        },
      ],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'max-lines': ['error', { max: 300, skipBlankLines: false, skipComments: false }],
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: false, skipComments: false, IIFEs: true }],
    },
  },
  {
    files: ['src/core/**/*.ts', 'src/node/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'src/core and src/node never import vscode: put VS Code code in src/vscode.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'src/core never imports vscode: put VS Code code in src/vscode.' },
            ...['fs', 'child_process', 'os', 'net', 'http', 'https']
              .flatMap((m) => [m, `node:${m}`])
              .map((name) => ({
                name,
                message: 'src/core is pure: file, process and network I/O belong in src/node.',
              })),
          ],
        },
      ],
    },
  },
  {
    // Webview pages build their DOM from data with textContent only (src/webview/dom.ts): nothing the
    // extension sends (syllabus, pack or learner text) may be parsed as HTML.
    files: ['src/webview/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...['innerHTML', 'outerHTML'].map((property) => ({
          property,
          message: 'Build elements with el() and textContent (src/webview/dom.ts); never parse text as HTML.',
        })),
        { property: 'insertAdjacentHTML', message: 'Build elements with el() (src/webview/dom.ts).' },
        { object: 'document', property: 'write', message: 'Build elements with el() (src/webview/dom.ts).' },
        { property: 'createContextualFragment', message: 'Build elements with el() (src/webview/dom.ts).' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='setAttribute'][arguments.0.value=/^on/i]",
          message: 'No inline event handlers: use addEventListener.',
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
      'max-lines-per-function': 'off',
    },
  },
);
