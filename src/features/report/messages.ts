/** The county report card's button in the details (the card's own messages are in on-demand-messages.ts). */
export const en = {
  reportButton: 'Report card',
  reportButtonLabel: 'Report card of {name}: a printable page',
  reportCompareUnit: 'This unit',
} as const;

export const zh: Record<keyof typeof en, string> = {
  reportButton: '报告卡',
  reportButtonLabel: '{name}报告卡：可打印页面',
  reportCompareUnit: '本单位',
};
