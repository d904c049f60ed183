/**
 * The table's button (the table view's own messages are in on-demand-messages.ts). Every key
 * starts with "table" so it cannot collide with another feature's.
 */
export const en = {
  tableButton: 'Table',
} as const;

export const zh: Record<keyof typeof en, string> = {
  tableButton: '表格',
};
