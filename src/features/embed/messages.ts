/** The embedded view (embed=1) and its snippet in the Share dialog. */
export const en = {
  embedRegion: 'Hebei county innovation tiers, embedded map',
  embedSource:
    'Data: Hebei’s county innovation evaluations from official notices and news; grey hatch: no source states it. Boundaries: AMap, approximate, not an official standard map.',
  embedOpen: 'Open in the explorer',
  embedOpenHint: '(opens in a new tab)',
  embedSelectionLabel: 'Selected and counts',
  // The iframe's title, read by screen readers in the article that embeds it.
  embedFrameTitle: 'Hebei County Innovation Explorer: map of county innovation tiers, {year}',
  shareDialogTitle: 'Share this view',
  shareLinkLabel: 'Link to this view',
  shareCopyLink: 'Copy link',
  shareEmbedTitle: 'Embed in a web page',
  shareEmbedLabel: 'HTML code for an article',
  shareEmbedHeight: 'Height',
  shareEmbedHeightOption: '{px} px',
  shareCopyEmbed: 'Copy code',
  shareEmbedCopied: 'Code copied',
  shareCopyRefused: 'Copying was refused: the text is selected, press Ctrl+C (⌘C on a Mac).',
  shareEmbedNote:
    'The embed shows this view with the map, legend and year control; it adjusts to the column width (up to 700 px).',
  shareEmbedNoImports: 'The embed shows the published data only: your imported facts are not part of it.',
} as const;

export const zh: Record<keyof typeof en, string> = {
  embedRegion: '河北省县域科技创新能力分类（嵌入地图）',
  embedSource:
    '数据：河北省县域科技创新能力监测评价，取自官方通知和新闻报道；灰色斜线：无来源说明。边界：高德地图，近似边界，非标准地图。',
  embedOpen: '在地图工具中打开',
  embedOpenHint: '（在新标签页中打开）',
  embedSelectionLabel: '所选单位和数量',
  embedFrameTitle: '河北省县域科技创新能力地图：{year}年县域科技创新能力分类',
  shareDialogTitle: '分享此视图',
  shareLinkLabel: '此视图的链接',
  shareCopyLink: '复制链接',
  shareEmbedTitle: '嵌入网页',
  shareEmbedLabel: '用于文章的 HTML 代码',
  shareEmbedHeight: '高度',
  shareEmbedHeightOption: '{px} 像素',
  shareCopyEmbed: '复制代码',
  shareEmbedCopied: '代码已复制',
  shareCopyRefused: '无法复制：文字已选中，请按 Ctrl+C（Mac 上按 ⌘C）。',
  shareEmbedNote: '嵌入的视图包括地图、图例和年份控件，宽度随文章栏宽调整（最宽 700 像素）。',
  shareEmbedNoImports: '嵌入的视图只显示已发布的数据，不含你导入的事实。',
};
