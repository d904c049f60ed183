/**
 * Vite plugin: the built index.html asks for the first view's data (the dataset bundle and the
 * geometry) with <link rel="preload" as="fetch">, so both download while the scripts do,
 * instead of after the entry module has run and called fetch(). The links match the page's own
 * fetch() (same URL, CORS mode, same-origin credentials), so the browser hands the preloaded
 * responses to it. Only in the build: `vite dev` serves files one by one anyway.
 */
import type { Plugin } from 'vite';

/** The emitted assets the first view fetches: the dataset bundle and the TopoJSON geometry. */
const FIRST_VIEW_DATA = /^assets\/(dataset|hebei\.topo)-[\w-]+\.json$/;

export function preloadDataPlugin(): Plugin {
  return {
    name: 'preload-first-view-data',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (_html, ctx) =>
        Object.keys(ctx.bundle ?? {})
          .filter((file) => FIRST_VIEW_DATA.test(file))
          .sort()
          .map((file) => ({
            tag: 'link',
            attrs: { rel: 'preload', href: `./${file}`, as: 'fetch', crossorigin: 'anonymous' },
            injectTo: 'head' as const,
          })),
    },
  };
}
