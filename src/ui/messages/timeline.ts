/** Year slider, playback and the yearly change summary. */
export const en = {} as const;

export const zh: Record<keyof typeof en, string> = {};
