/**
 * Chinese all through the details: in Chinese mode every fact note, derivation and source note
 * is the data's Chinese note (note_zh), with no "(英文)" label and no English sentence; in
 * English mode the same places show the English note. 鹿泉区 (130110) has stated and derived
 * tiers, ranges, indicators and seven sources; 襄都区 (130502, from 2021) has a boundary note.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { offlineSuite } from './helpers/suite';

const { open } = offlineSuite();

/** Three or more Latin-letter words in a row: an English phrase (ids such as P017 and tiers are not). */
const ENGLISH_RUN = /[A-Za-z][A-Za-z'’-]*(?:[\s,;:]+[A-Za-z][A-Za-z'’-]*){2,}/u;

const panel = (page: Page) => page.locator('.details-panel');

/** The text of every note in the details panel (folded sections included), with its lang attribute. */
async function notes(page: Page): Promise<{ text: string; lang: string | null }[]> {
  await expect.poll(() => panel(page).count()).toBe(1);
  return panel(page)
    .locator('.dp-note')
    .evaluateAll((ps) =>
      ps.map((p) => {
        const body = p.querySelector(':scope > span:not(.dp-note-label)');
        return { text: p.textContent ?? '', lang: body?.getAttribute('lang') ?? null };
      }),
    );
}

describe('notes in the UI language', () => {
  it('shows Chinese notes in Chinese, with no English sentence and no “英文” label', async () => {
    const { page } = await open('?lang=zh&year=2023&county=130110', { reducedMotion: true });
    const all = await notes(page);
    // Tier notes, ranges, indicators and the sources' notes: many of them.
    expect(all.length).toBeGreaterThan(10);
    expect(all.filter((n) => ENGLISH_RUN.test(n.text)).map((n) => n.text)).toEqual([]);
    expect(all.every((n) => n.lang === 'zh-Hans')).toBe(true);
    expect(all.filter((n) => n.text.includes('英文')).map((n) => n.text)).toEqual([]);
    // Nor anywhere else in the panel: labels, indicator units (not "rank of 168"), sources. Only the
    // unit's own English name stands in it ("Luquan District", two words).
    const text = (await panel(page).textContent()) ?? '';
    expect(text).not.toMatch(/（英文）|\(English\)/u);
    expect(ENGLISH_RUN.exec(text)?.[0]).toBeUndefined();
    expect(text).toContain('排名：1名（共168个）');
    // A known note, word for word from data/tiers.csv note_zh, and a source's note from sources.csv.
    const texts = all.map((n) => n.text);
    expect(texts.some((t) => t.includes('2023年通知A类名单（按得分排序）66个中的第1位'))).toBe(true);
    expect(texts.some((t) => t.startsWith('来源说明：') && t.includes('转载自河北省人民政府网站的省政府通知'))).toBe(
      true,
    );
  });

  it('shows the English notes in English', async () => {
    const { page } = await open('?lang=en&year=2023&county=130110', { reducedMotion: true });
    const all = await notes(page);
    expect(all.length).toBeGreaterThan(10);
    expect(all.every((n) => n.lang === 'en')).toBe(true);
    const texts = all.map((n) => n.text);
    expect(texts.some((t) => t.includes('Position 1 of 66 on the A list of the 2023 notice'))).toBe(true);
    expect(texts.some((t) => t.startsWith('About this source: Repost of the provincial government notice'))).toBe(true);
    expect(await panel(page).textContent()).not.toContain('(English)');
  });

  it('shows a unit’s boundary note in the UI language', async () => {
    const zh = await open('?lang=zh&year=2021&county=130502', { reducedMotion: true });
    const zhNotes = (await notes(zh.page)).map((n) => n.text);
    expect(zhNotes.some((t) => t.includes('将原邢台县的多边形在东经114.494°（WGS84）处切分绘制'))).toBe(true);
    expect(zhNotes.filter((t) => ENGLISH_RUN.test(t))).toEqual([]);

    const en = await open('?lang=en&year=2021&county=130502', { reducedMotion: true });
    const enNotes = (await notes(en.page)).map((n) => n.text);
    expect(enNotes.some((t) => t.includes('splitting the former 邢台县 polygon at 114.494°E'))).toBe(true);
  });

  it('says in Chinese that a unit’s boundary has no known issue', async () => {
    const { page } = await open('?lang=zh&year=2023&county=130110', { reducedMotion: true });
    await expect.poll(() => panel(page).count()).toBe(1);
    expect(await panel(page).textContent()).toContain('除地图的一般局限（见“关于数据”）外，所绘边界没有已知问题。');
  });
});
