/**
 * The import boundaries of eslint.config.js that no-restricted-imports cannot hold alone, linted
 * on trial sources (never written to disk) through ESLint's Node API: import() into another
 * feature's files or into src/map/gl, i18n/ importing a feature's index.ts, and a feature's file
 * at any depth below its folder.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

/** The rules that report on `code` as if it were the file `filePath`. */
async function errors(filePath: string, code: string): Promise<(string | null)[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.ruleId);
}

describe('eslint.config.js import boundaries', () => {
  it("refuses import() of another feature's file, from a feature and from app/", async () => {
    expect(await errors('src/features/legend/x.ts', "export const f = () => import('../table/table-view');\n")).toEqual(
      ['boundaries/entries'],
    );
    expect(await errors('src/app/x.ts', "export const f = () => import('../features/table/table-view');\n")).toEqual([
      'boundaries/entries',
    ]);
    expect(await errors('src/features/legend/x.ts', "export const f = () => import('../table');\n")).toEqual([]);
    expect(await errors('src/features/table/x.ts', "export const f = () => import('./table-view');\n")).toEqual([]);
  });

  it('refuses import() of src/map/gl outside src/map, and keeps the shell’s import() legal', async () => {
    expect(await errors('src/app/x.ts', "export const f = () => import('../map/gl/map-controller');\n")).toEqual([
      'boundaries/entries',
    ]);
    expect(await errors('src/map/x.ts', "export const f = () => import('./gl/map-controller');\n")).toEqual([]);
  });

  it("lets src/i18n import a feature's messages.ts, not its index.ts", async () => {
    expect(await errors('src/i18n/x.ts', "export * as table from '../features/table';\n")).toEqual([
      'boundaries/entries',
    ]);
    expect(await errors('src/i18n/x.ts', "export * as table from '../features/table/messages';\n")).toEqual([]);
  });

  it("holds a feature's files at any depth", async () => {
    const deep = 'src/features/legend/a/b/c/d/e/x.ts';
    const up = '../'.repeat(6);
    expect(await errors(deep, `export { x } from '${up}table/table-view';\n`)).toEqual(['boundaries/entries']);
    expect(await errors(deep, `export const f = () => import('${up}table/table-model');\n`)).toEqual([
      'boundaries/entries',
    ]);
    expect(await errors(deep, `export { x } from '${up}../map/map-view';\n`)).toEqual(['no-restricted-imports']);
    expect(await errors(deep, `export { x } from '${up}table';\n`)).toEqual([]);
  });
});
