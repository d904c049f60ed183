/** The embedded view (embed=1) and its snippet. */
export const en = {} as const;

export const zh: Record<keyof typeof en, string> = {};
