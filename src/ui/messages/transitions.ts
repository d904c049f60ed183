/** The transition view: Sankey, matrix, official counts, flow selection. */
export const en = {} as const;

export const zh: Record<keyof typeof en, string> = {};
