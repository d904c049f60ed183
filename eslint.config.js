// ESLint flat config: typescript-eslint's strict rules, React hooks, and the import boundaries
// of src/ (who may import whom: src/README.md), one block per folder: domain/, data/, store/
// (use-app-store.ts, its React binding, apart), url/, i18n/, map/ (gl/ apart), components/,
// features/ and app/ with main.tsx, and map/gl/ statically imported only inside map/. The local
// rule boundaries/entries resolves each import (static, export … from, and literal import())
// against the importing file, so it holds at any depth: a feature is entered only through its
// index.ts (i18n/: its messages.ts), and map/gl/ is import()ed only from inside map/. Cycles
// between features are checked by tests/unit/import-graph.test.ts.
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Import-string patterns for each layer of src/. Relative imports are matched by folder name. */
const layer = (name) => [`**/${name}`, `**/${name}/**`, `@/${name}/**`];
/** The outer layers: UI and composition. Inner layers (domain, data, store, url) never import them. */
const OUTER = [...layer('map'), ...layer('features'), ...layer('components'), ...layer('url'), ...layer('app')];
const restrict = (message, ...groups) => ({
  'no-restricted-imports': ['error', { patterns: groups.map((group) => ({ group, message })) }],
});

const SRC = fileURLToPath(new URL('./src/', import.meta.url));
/** A path as src/ names it ('features/table/table-view.tsx'), or null outside src/. */
const inSrc = (path) => {
  const rel = relative(SRC, path).split(sep).join('/');
  return rel.startsWith('..') ? null : rel;
};
/**
 * boundaries/entries: what a file may reach of src/features/<name>/ and src/map/gl/, checked on
 * the path each relative import resolves to (so at any depth), for `import`, `export … from` and
 * `import('…')` with a literal source:
 * - outside features/<name>/, only the entries in the options (default: its index.ts; the
 *   folder itself is its index);
 * - outside src/map/, map/gl/ is never import()ed (map-view.tsx loads it; static imports of it,
 *   types apart, are refused by no-restricted-imports below).
 */
const entries = {
  meta: {
    type: 'problem',
    schema: [
      {
        type: 'object',
        properties: { entries: { type: 'array', items: { type: 'string' } }, message: { type: 'string' } },
        additionalProperties: false,
      },
    ],
    messages: {
      feature: '{{message}}',
      gl: 'src/map/gl is loaded by import() in src/map/map-view.tsx only: import its types, never its code.',
    },
  },
  create(context) {
    const options = context.options[0] ?? {};
    const allowed = new Set(options.entries ?? ['index']);
    const message = options.message ?? 'Import another feature only through its index.ts (../table), never its files.';
    const from = inSrc(context.filename);
    if (from === null) return {};
    const check = (node, dynamic) => {
      const specifier = node.source?.type === 'Literal' ? node.source.value : null;
      if (typeof specifier !== 'string' || !specifier.startsWith('.')) return;
      const to = inSrc(resolve(dirname(context.filename), specifier));
      if (to === null) return;
      const target = /^features\/([^/]+)(?:\/(.*))?$/.exec(to);
      if (target && !from.startsWith(`features/${target[1]}/`)) {
        const entry = (target[2] ?? 'index').replace(/\.tsx?$/, '');
        if (!allowed.has(entry)) context.report({ node: node.source, messageId: 'feature', data: { message } });
      }
      if (dynamic && /^map\/gl(\/|$)/.test(to) && !from.startsWith('map/')) {
        context.report({ node: node.source, messageId: 'gl' });
      }
    };
    return {
      ImportDeclaration: (node) => check(node, false),
      ExportNamedDeclaration: (node) => check(node, false),
      ExportAllDeclaration: (node) => check(node, false),
      ImportExpression: (node) => check(node, true),
    };
  },
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'geo/out/**', 'tests/artifacts/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: {
      parserOptions: { ecmaVersion: 2023, sourceType: 'module' },
      globals: {
        window: 'readonly',
        document: 'readonly',
        navigator: 'readonly',
        performance: 'readonly',
        console: 'readonly',
        process: 'readonly',
        URL: 'readonly',
        fetch: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, boundaries: { rules: { entries } } },
    rules: { ...reactHooks.configs.recommended.rules, 'boundaries/entries': 'error' },
  },
  // domain/: pure TypeScript. No React, no MapLibre, no DOM-bound layers of the app.
  {
    files: ['src/domain/**'],
    rules: restrict(
      'src/domain is pure: it may not import React, MapLibre, zustand or other layers of src/.',
      ['react', 'react-dom', 'react/**', 'maplibre-gl', 'zustand', 'zustand/**'],
      [...layer('store'), ...layer('data'), ...layer('i18n'), ...OUTER],
    ),
  },
  // data/: loads files into domain types.
  {
    files: ['src/data/**'],
    rules: restrict(
      'src/data may import only src/domain.',
      ['react', 'react-dom', 'maplibre-gl'],
      [...layer('store'), ...layer('i18n'), ...OUTER],
    ),
  },
  // store/: domain only (and zustand). Never React, MapLibre, the UI or the URL binder.
  {
    files: ['src/store/**'],
    ignores: ['src/store/use-app-store.ts'],
    rules: restrict(
      'src/store may import only src/domain (and zustand); its React binding is use-app-store.ts.',
      ['react', 'react/**', 'react-dom', 'react-dom/**', 'maplibre-gl', 'maplibre-gl/**'],
      [...layer('data'), ...layer('i18n'), ...OUTER],
    ),
  },
  // store/use-app-store.ts: the store's React binding (React and zustand's hook), nothing of the UI.
  {
    files: ['src/store/use-app-store.ts'],
    rules: restrict(
      'src/store/use-app-store.ts may import React, zustand and the store only.',
      ['react-dom', 'react-dom/**', 'maplibre-gl', 'maplibre-gl/**'],
      [...layer('data'), ...layer('i18n'), ...OUTER],
    ),
  },
  // url/: the address codec and its binding: domain and store only (its notice is worded by app/).
  {
    files: ['src/url/**'],
    rules: restrict(
      'src/url may import only src/domain and src/store.',
      ['react', 'react-dom', 'maplibre-gl'],
      [...layer('data'), ...layer('i18n'), ...OUTER.filter((p) => !p.includes('url'))],
    ),
  },
  // i18n/: the dictionaries (each feature's messages.ts) and t/useT over the store's language.
  {
    files: ['src/i18n/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['maplibre-gl', ...layer('data'), ...layer('map'), ...layer('url'), ...layer('app')],
              message: "src/i18n may import only src/domain, src/store and the features' messages.ts.",
            },
            { group: [...layer('components')], message: 'src/i18n may not import components.' },
          ],
        },
      ],
      // Of a feature, its messages.ts only (not its index.ts), and on-demand-messages.ts for
      // their keys' type (`import type`; they add themselves).
      'boundaries/entries': [
        'error',
        {
          entries: ['messages', 'on-demand-messages'],
          message: "src/i18n may import a feature's messages.ts and on-demand-messages.ts only.",
        },
      ],
    },
  },
  // map/: the only folder that imports maplibre-gl; it never imports UI.
  {
    files: ['src/map/**'],
    rules: restrict('src/map may not import features, components, i18n, src/url or src/app.', [
      ...layer('i18n'),
      ...OUTER.filter((p) => !p.includes('map')),
    ]),
  },
  // map/ outside gl/ (the shell and the 2D map) is in the first view's bundle: MapLibre and gl/
  // are loaded by the shell's dynamic import only; a static import would put them back in it.
  {
    files: ['src/map/**'],
    ignores: ['src/map/gl/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['maplibre-gl', 'maplibre-gl/**', './gl/*', '../gl/*', '**/map/gl/*'],
              allowTypeImports: true,
              message:
                'Only src/map/gl imports MapLibre; elsewhere in src/map it is loaded by import() (map-view.tsx).',
            },
          ],
        },
      ],
    },
  },
  // components/: shared React pieces (sheet, dialog, swatch): no feature, map, URL or app code.
  {
    files: ['src/components/**'],
    rules: restrict(
      'src/components may import src/domain, src/store and src/i18n only.',
      ['maplibre-gl', 'maplibre-gl/**'],
      [...layer('data'), ...OUTER.filter((p) => !p.includes('components'))],
    ),
  },
  // features/<name>/: a feature imports domain, store, data, i18n and components, never MapLibre,
  // src/map, src/url or src/app; another feature only through its index.ts (boundaries/entries).
  {
    files: ['src/features/**'],
    rules: restrict('A feature may not import maplibre-gl, src/map, src/url or src/app.', [
      'maplibre-gl',
      'maplibre-gl/**',
      ...layer('map'),
      ...layer('url'),
      ...layer('app'),
    ]),
  },
  // app/: the page's composition and the imperative bindings it starts; features through their
  // index.ts (boundaries/entries).
  {
    files: ['src/app/**', 'src/main.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^maplibre-gl', message: 'Only src/map/gl imports maplibre-gl.' }] },
      ],
    },
  },
  // map/gl/ is loaded by map-view.tsx's import() only (after the first paint): outside src/map no
  // file imports it statically (types only). Inside src/map, the block above says the same.
  {
    files: ['src/**'],
    ignores: ['src/map/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/map/gl', '**/map/gl/**'],
              allowTypeImports: true,
              message:
                'src/map/gl is loaded by import() in src/map/map-view.tsx only: import its types, never its code.',
            },
          ],
        },
      ],
    },
  },
  // Nothing in src/ imports tests or the geo build.
  {
    files: ['src/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportDeclaration[source.value=/(^|\\/)(tests|geo\\/build|geo\\/lib|scripts)(\\/|$)/]',
          message: 'src/ may import only geo/out/* from outside src/, never tests, scripts or the geo build code.',
        },
      ],
    },
  },
);
