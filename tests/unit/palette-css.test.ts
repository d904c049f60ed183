/**
 * One place for every colour: src/domain/palette.ts. The stylesheets read the palette as CSS
 * custom properties (src/domain/palette-css.ts, served as `virtual:palette.css`), so no
 * stylesheet under src/ and no TypeScript file other than palette.ts writes a colour value.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as palette from '../../src/domain/palette';
import { paletteCssText, paletteProperties } from '../../src/domain/palette-css';
import { PALETTE_CSS_ID, paletteCssPlugin } from '../../scripts/vite-palette-css';

const SRC = join(process.cwd(), 'src');

/** Paths under src/ ending in one of `extensions`. */
function sourceFiles(...extensions: string[]): string[] {
  return readdirSync(SRC, { recursive: true, encoding: 'utf8' })
    .filter((path) => extensions.some((ext) => path.endsWith(ext)))
    .map((path) => join('src', path));
}

const read = (path: string) => readFileSync(join(process.cwd(), path), 'utf8');

/** Every string value palette.ts exports, directly or as an entry of an exported object. */
function paletteColours(): string[] {
  const out: string[] = [];
  for (const value of Object.values(palette)) {
    if (typeof value === 'string') out.push(value);
    else if (typeof value === 'object' && value !== null)
      for (const entry of Object.values(value as Record<string, unknown>))
        if (typeof entry === 'string') out.push(entry);
  }
  return out;
}

/** Hex colours, rgb()/rgba() and hsl()/hsla(), as the rule in issue 14 counts them. */
const CSS_COLOUR = /#[0-9a-fA-F]{3,8}\b|rgba?\(|hsla?\(/;
const TS_COLOUR = /'#[0-9a-fA-F]{3,8}'|"#[0-9a-fA-F]{3,8}"|`#[0-9a-fA-F]{3,8}`|rgba?\(|hsla?\(/;

describe('the palette as CSS custom properties', () => {
  const css = paletteCssText();
  const properties = paletteProperties();

  it('defines every palette colour, each property once', () => {
    const values = new Set(properties.map(([, value]) => value));
    for (const colour of paletteColours()) expect(values, colour).toContain(colour);
    for (const [name, value] of properties) expect(css).toContain(`${name}:${value};`);
    const names = properties.map(([name]) => name);
    expect(new Set(names).size).toBe(names.length);
    expect(css.startsWith(':root{')).toBe(true);
  });

  it('names the properties after the exports', () => {
    const byName = new Map(properties);
    expect(byName.get('--tier-b')).toBe(palette.TIER_COLORS.B);
    expect(byName.get('--unknown-ground')).toBe(palette.UNKNOWN_GROUND);
    expect(byName.get('--change-up2')).toBe(palette.CHANGE_COLORS.up2);
    expect(byName.get('--trajectory-2019')).toBe(palette.TRAJECTORY_COLORS[2019]);
    expect(byName.get('--ink')).toBe(palette.UI.ink);
    expect(byName.get('--info-wash')).toBe(palette.UI.infoWash);
  });

  it('is served as virtual:palette.css and imported by the entry', async () => {
    const plugin = paletteCssPlugin();
    const resolveId = plugin.resolveId as (id: string) => string | null;
    const load = plugin.load as (id: string) => string | null;
    const resolved = resolveId(PALETTE_CSS_ID);
    expect(resolved).not.toBeNull();
    expect(load(resolved ?? '')).toBe(css);
    expect(resolveId('./other.css')).toBeNull();
    expect(read('src/main.tsx')).toContain(`import '${PALETTE_CSS_ID}';`);
  });
});

describe('colour literals', () => {
  it('appear in no stylesheet under src/', () => {
    const offenders = sourceFiles('.css').flatMap((path) =>
      read(path)
        .split('\n')
        .map((line, i) => `${path}:${i + 1}: ${line.trim()}`)
        .filter((line) => CSS_COLOUR.test(line.slice(line.indexOf(': ') + 2))),
    );
    expect(offenders).toEqual([]);
  });

  it('appear in no TypeScript file under src/ but palette.ts', () => {
    const offenders = sourceFiles('.ts', '.tsx')
      .filter((path) => path !== join('src', 'domain', 'palette.ts'))
      .flatMap((path) =>
        read(path)
          .split('\n')
          .map((line, i) => `${path}:${i + 1}: ${line.trim()}`)
          .filter((line) => TS_COLOUR.test(line.slice(line.indexOf(': ') + 2))),
      );
    expect(offenders).toEqual([]);
  });

  it('every custom property a stylesheet reads is defined', () => {
    const defined = new Set(paletteProperties().map(([name]) => name));
    const files = sourceFiles('.css');
    for (const path of files) for (const m of read(path).matchAll(/(--[\w-]+)\s*:/g)) defined.add(m[1] ?? '');
    const undefinedReads = files.flatMap((path) =>
      [...read(path).matchAll(/var\((--[\w-]+)/g)]
        .map((m) => m[1] ?? '')
        .filter((name) => !defined.has(name))
        .map((name) => `${path}: ${name}`),
    );
    expect(undefinedReads).toEqual([]);
  });
});
