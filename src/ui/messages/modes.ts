/** Map modes (tier, change, trajectory) and their legends. */
export const en = {} as const;

export const zh: Record<keyof typeof en, string> = {};
