// ESLint (flat config): typescript-eslint's recommended rules, plus the house's structural rules —
// node:net / node:tls only in src/transport, and the folder layering of scripts/layers.mjs (the
// same table test/unit/project/docs.test.ts reads; that test also checks for runtime import cycles).
import { dirname, join, relative } from 'node:path';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { layerOf, mayImport } from './scripts/layers.mjs';

const SRC = join(import.meta.dirname, 'src');

/** house/layering: a file under src/ imports only the folders scripts/layers.mjs allows it. */
const layering = {
  meta: {
    type: 'problem',
    schema: [],
    messages: { up: '{{from}} may not import {{to}} ({{spec}}); see scripts/layers.mjs' },
  },
  create(context) {
    const file = context.filename;
    const rel = relative(SRC, file);
    if (rel.startsWith('..')) return {};
    const from = layerOf(rel);
    const barrel = file.endsWith('/index.ts');
    const check = (node, source, typeOnly) => {
      const spec = source?.value;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const to = layerOf(relative(SRC, join(dirname(file), spec)));
      if (!mayImport(from, to, { typeOnly, barrel }))
        context.report({ node, messageId: 'up', data: { from, to: to || 'src', spec } });
    };
    const allTypes = (node) =>
      node.importKind === 'type' ||
      node.exportKind === 'type' ||
      (node.specifiers?.length > 0 && node.specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type'));
    return {
      ImportDeclaration: (n) => check(n, n.source, allTypes(n)),
      ExportNamedDeclaration: (n) => n.source && check(n, n.source, allTypes(n)),
      ExportAllDeclaration: (n) => check(n, n.source, n.exportKind === 'type'),
      ImportExpression: (n) => n.source.type === 'Literal' && check(n, n.source, false),
    };
  },
};

export default tseslint.config(
  // test/consumer/fixture: programs the consumer test runs from the packed tarball (a CommonJS one among them).
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'bench/go/**',
      'bench/python/**',
      '**/*.gen.ts',
      'test/consumer/fixture/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { house: { rules: { layering } } },
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: {
        process: 'readonly',
        Buffer: 'readonly',
        console: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        setImmediate: 'readonly',
        performance: 'readonly',
        URL: 'readonly',
        AbortController: 'readonly',
        AbortSignal: 'readonly',
        structuredClone: 'readonly',
        TextEncoder: 'readonly',
        TextDecoder: 'readonly',
        queueMicrotask: 'readonly',
        NodeJS: 'readonly',
      },
    },
    rules: {
      'house/layering': 'error',
      // Unused names: an underscore prefix marks them intended (`for (const _ of s) n++`).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // `cond && f()` and `c ? a() : b()` as statements are fine; a bare comma expression is not.
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/transport/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['node:net', 'node:tls', 'net', 'tls'].map((name) => ({
            name,
            message: 'Only src/transport opens sockets (STYLE.md).',
          })),
        },
      ],
    },
  },
);
