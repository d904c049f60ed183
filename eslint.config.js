// ESLint flat config: typescript-eslint's strict rules, React hooks, and the import boundaries
// of src/ (who may import whom: src/README.md), one block per folder: domain/, data/, store/
// (use-app-store.ts, its React binding, apart), url/, i18n/, map/ (gl/ apart), components/,
// features/ (at any depth), app/ and main.tsx, and map/gl/ statically imported only inside
// map/. Cycles between features are checked by tests/unit/import-graph.test.ts.
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
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
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
            {
              // on-demand-messages: for their keys' type only (`import type`; they add themselves).
              regex: 'features/[^/]+/(?!(on-demand-)?messages$)',
              message: "src/i18n may import a feature's messages.ts and on-demand-messages.ts only.",
            },
          ],
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
  // src/map, src/url or src/app; another feature only through its index.ts, from any depth.
  ...[1, 2, 3, 4].map((depth) => ({
    files: [`src/features/${'*/'.repeat(depth)}*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['maplibre-gl', 'maplibre-gl/**', ...layer('map'), ...layer('url'), ...layer('app')],
              message: 'A feature may not import maplibre-gl, src/map, src/url or src/app.',
            },
            {
              // From a file `depth` folders below features/, `depth` times '../' reaches features/:
              // '../table/table-view' (depth 1), '../../table/sub/x' (depth 2), or any path through
              // 'features/table/…'. Only '<feature>' or '<feature>/index' may follow.
              regex: `^(?:(?:\\.\\./){${depth}}|.*features/)[^./][^/]*/(?!index$).+$`,
              message: 'Import another feature only through its index.ts (../table), never its files.',
            },
          ],
        },
      ],
    },
  })),
  // app/: the page's composition and the imperative bindings it starts; features through their index.ts.
  {
    files: ['src/app/**', 'src/main.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^maplibre-gl', message: 'Only src/map/gl imports maplibre-gl.' },
            {
              regex: 'features/[^/]+/(?!index$).+',
              message: 'Import a feature only through its index.ts (../features/table), never its files.',
            },
          ],
        },
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
