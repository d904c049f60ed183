/** The narrow-screen layout: the short title, the tools menu and the bottom sheet. */
export const en = {
  appTitleShort: 'Hebei Innovation',
  moreTools: 'More',
  sheetLabel: 'Details',
  sheetHint: 'Tap to open or close; drag, or press Up and Down, to resize.',
  sheetPeekSelected: '{name} · {year}: {state}',
} as const;

export const zh: Record<keyof typeof en, string> = {
  appTitleShort: '河北县域科创',
  moreTools: '更多',
  sheetLabel: '详情',
  sheetHint: '点按以展开或收起；拖动或按上、下方向键可调整高度。',
  sheetPeekSelected: '{name} · {year}年：{state}',
};
