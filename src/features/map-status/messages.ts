/**
 * Panel error boundaries, the page without a map (no WebGL, or its worker did not load), the map
 * whose WebGL context was lost after start, and data that failed to load. Keys start with "robust".
 */
export const en = {
  robustPanelFailed: 'This panel could not be shown: {message}',
  robustRetry: 'Try again',
  robustNoMapTitle: 'The map cannot be shown',
  robustNoMapText:
    'The map needs WebGL, which this browser has turned off or lacks. The table and the summary below hold the same data.',
  robustNoMapWorkerText:
    'The map’s drawing code (its worker script) did not load, for example because the server, a network filter or a browser setting blocked it. The table and the summary below hold the same data. Reloading the page may help once the file can be reached; the address keeps your view.',
  robustNoMapOtherText: 'The map could not start in this browser. The table and the summary below hold the same data.',
  robustReloadPage: 'Reload the page',
  robustNoMapReason: 'Reason: {reason}',
  robustLoadFailedTitle: 'The data could not be loaded',
  robustLoadFailedText:
    'The map stays empty until the data and the county boundaries load. Check the connection, then try again: the year, the county and the view you chose are kept.',
  robustLoadRetrying: 'Loading…',
  robustLoadStillFailing: 'Retries so far: {n}. It still fails.',
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
  robustNoMapWorkerText:
    '地图的绘制程序（其 worker 脚本）未能加载，例如被服务器、网络过滤或浏览器设置拦截。下面的表格和摘要包含同样的数据。文件可以访问后，重新加载页面或许能解决；页面地址会保留您的视图。',
  robustNoMapOtherText: '地图无法在此浏览器中启动。下面的表格和摘要包含同样的数据。',
  robustReloadPage: '重新加载页面',
  robustNoMapReason: '原因：{reason}',
  robustLoadFailedTitle: '数据加载失败',
  robustLoadFailedText: '数据和县界加载完成之前，地图保持空白。请检查网络连接后重试：您选择的年份、县和视图都会保留。',
  robustLoadRetrying: '正在加载…',
  robustLoadStillFailing: '已重试 {n} 次，仍然失败。',
  robustOpenTable: '打开表格视图',
  robustSummaryTitle: '{year}年摘要',
  robustTierLine: '{tier}：{known}',
  robustLostTitle: '地图已停止绘制',
  robustLostText:
    '浏览器收回了地图绘制所用的图形（WebGL）上下文，例如在显卡驱动重置之后。浏览器归还后地图会立即重新绘制；在此之前，下面的表格和摘要包含同样的数据。',
};
