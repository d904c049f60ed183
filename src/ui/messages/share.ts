/** URL notices, the share button and the language switch. */
export const en = {} as const;

export const zh: Record<keyof typeof en, string> = {};
