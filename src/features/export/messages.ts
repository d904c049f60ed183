/** The Export menu's strings: the figures' (figure-messages.ts) and the data downloads' (data-messages.ts). */
import * as data from './data-messages';
import * as figure from './figure-messages';

/** The menu's own: its sections' headings. */
const menuEn = { exportSectionFigures: 'Figures', exportSectionData: 'Data' } as const;
const menuZh: Record<keyof typeof menuEn, string> = { exportSectionFigures: '图', exportSectionData: '数据' };

export const en = { ...menuEn, ...figure.en, ...data.en } as const;

export const zh: Record<keyof typeof en, string> = { ...menuZh, ...figure.zh, ...data.zh };
