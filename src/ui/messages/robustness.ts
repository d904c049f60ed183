/**
 * Panel error boundaries, the page without a map (no WebGL) and the map whose WebGL context was
 * lost after start. Keys start with "robust".
 */
export const en = {
  robustPanelFailed: 'This panel could not be shown: {message}',
  robustRetry: 'Try again',
  robustNoMapTitle: 'The map cannot be shown',
  robustNoMapText:
    'The map needs WebGL, which this browser has turned off or lacks. The table and the summary below hold the same data.',
  robustNoMapReason: 'Reason: {reason}',
  robustOpenTable: 'Open the table view',
  robustSummaryTitle: 'Summary of {year}',
  robustTierLine: '{tier}: {known}',
  robustLostTitle: 'The map has stopped drawing',
  robustLostText:
    'The browser took back the graphics (WebGL) context the map draws with, for example after a graphics driver reset. The map is drawn again as soon as the browser returns it; until then the table and the summary below hold the same data.',
} as const;

export const zh: Record<keyof typeof en, string> = {
  robustPanelFailed: '此面板无法显示：{message}',
  robustRetry: '重试',
  robustNoMapTitle: '无法显示地图',
  robustNoMapText: '地图需要 WebGL，而此浏览器已关闭或不支持 WebGL。下面的表格和摘要包含同样的数据。',
  robustNoMapReason: '原因：{reason}',
  robustOpenTable: '打开表格视图',
  robustSummaryTitle: '{year}年摘要',
  robustTierLine: '{tier}：{known}',
  robustLostTitle: '地图已停止绘制',
  robustLostText:
    '浏览器收回了地图绘制所用的图形（WebGL）上下文，例如在显卡驱动重置之后。浏览器归还后地图会立即重新绘制；在此之前，下面的表格和摘要包含同样的数据。',
};
