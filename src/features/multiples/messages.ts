/** Small multiples: their menu item (the figure's own messages are in on-demand-messages.ts). */
export const en = {
  mulOpen: 'Five years side by side…',
} as const;

export const zh: Record<keyof typeof en, string> = {
  mulOpen: '五年并列…',
};
