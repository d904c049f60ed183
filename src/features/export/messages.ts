/** The Export menu's strings: the figures' (figure-messages.ts) and the data downloads' (data-messages.ts). */
import * as data from './data-messages';
import * as figure from './figure-messages';

export const en = { ...figure.en, ...data.en } as const;

export const zh: Record<keyof typeof en, string> = { ...figure.zh, ...data.zh };
