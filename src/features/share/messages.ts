/** The share button and dialog, and the language switch. */
export const en = {
  share: 'Share',
  shareCopied: 'Link copied',
  shareClose: 'Close',
  langSwitchPrefix: 'Switch language to ',
  // Each language's own name, the same in both dictionaries: a reader looks for their own.
  langNameZh: '中文',
  langNameEn: 'English',
} as const;

export const zh: Record<keyof typeof en, string> = {
  share: '分享',
  shareCopied: '链接已复制',
  shareClose: '关闭',
  langSwitchPrefix: '切换语言为',
  langNameZh: '中文',
  langNameEn: 'English',
};
