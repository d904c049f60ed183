// ESLint flat config: typescript-eslint's type-aware rules, React hooks, and the import
// boundaries of ../shared/STYLE.md §7 (who may import what), enforced per folder.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Import-string patterns for each layer of src/. Relative imports are matched by folder name. */
const layer = (name) => [`**/${name}`, `**/${name}/**`, `@/${name}/**`];
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
      [...layer('store'), ...layer('map'), ...layer('ui'), ...layer('url'), ...layer('app'), ...layer('data')],
    ),
  },
  // store/: domain only (and zustand). Never React components, MapLibre or the URL binder.
  {
    files: ['src/store/**'],
    ignores: ['src/store/use-app-store.ts'],
    rules: restrict(
      'src/store may import only src/domain (and zustand).',
      ['maplibre-gl', 'react-dom'],
      [...layer('map'), ...layer('ui'), ...layer('url'), ...layer('app')],
    ),
  },
  // data/: loads files into domain types.
  {
    files: ['src/data/**'],
    rules: restrict(
      'src/data may import only src/domain.',
      ['react', 'react-dom', 'maplibre-gl'],
      [...layer('store'), ...layer('map'), ...layer('ui'), ...layer('url'), ...layer('app')],
    ),
  },
  // map/: the only folder that imports maplibre-gl; it never imports UI components.
  {
    files: ['src/map/**'],
    rules: restrict('src/map may not import src/ui, src/url or src/app.', [
      ...layer('ui'),
      ...layer('url'),
      ...layer('app'),
    ]),
  },
  // ui/: React components read the store; they never touch MapLibre or the URL internals.
  {
    files: ['src/ui/**'],
    rules: restrict(
      'src/ui may not import maplibre-gl, src/map internals, src/url or src/app.',
      ['maplibre-gl', 'maplibre-gl/**'],
      [...layer('map'), ...layer('url'), ...layer('app')],
    ),
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
