/** The Export menu's strings: the figures' (figure-messages.ts) and the data downloads' (data-messages.ts). */
import * as data from './data-messages';
import * as figure from './figure-messages';

/** The menu's own: its sections' headings, and the failure of any of its downloads. */
const menuEn = {
  exportSectionFigures: 'Figures',
  exportSectionData: 'Data',
  exportFileFailed: 'The file could not be made: {reason}',
} as const;
const menuZh: Record<keyof typeof menuEn, string> = {
  exportSectionFigures: '图',
  exportSectionData: '数据',
  exportFileFailed: '无法生成文件：{reason}',
};

export const en = { ...menuEn, ...figure.en, ...data.en } as const;

export const zh: Record<keyof typeof en, string> = { ...menuZh, ...figure.zh, ...data.zh };
