/**
 * Panel error boundaries, the 2D map standing in for the full map (no WebGL, WebGL drawn in
 * software, its worker did not load, or its WebGL context was lost after start), and data that failed to load. Keys start
 * with "robust".
 */
export const en = {
  robustPanelFailed: 'This panel could not be shown: {message}',
  robustRetry: 'Try again',
  robustNoMapTitle: 'Simple map',
  robustNoMapText:
    'This browser has WebGL turned off or lacks it, so the map is drawn in 2D: years, modes, selection and zoom all work; moving and zooming are simpler.',
  robustNoMapWorkerText:
    'The full map’s drawing code (its worker script) did not load, for example because the server, a network filter or a browser setting blocked it, so the map is drawn in 2D. Reloading the page may help once the file can be reached; the address keeps your view.',
  robustNoMapOtherText: 'The full map could not start in this browser, so the map is drawn in 2D.',
  robustSoftwareMapText:
    'This browser draws WebGL without a graphics card, where the full map would pause the page at every frame, so this quicker 2D map is used. Everything works; moving and zooming are simpler.',
  robustUseFullMap: 'Use the full map anyway',
  robustReloadPage: 'Reload the page',
  robustNoMapReason: 'Reason: {reason}',
  robustNoMapDetails: 'Details',
  robustNoMapClose: 'Close',
  robustLoadFailedTitle: 'The data could not be loaded',
  robustLoadFailedText:
    'The map stays empty until the data and the county boundaries load. Check the connection, then try again: the year, the county and the view you chose are kept.',
  robustLoadRetrying: 'Loading…',
  robustLoadStillFailing: 'Retries so far: {n}. It still fails.',
  robustLostTitle: 'The map is drawn in 2D for now',
  robustLostText:
    'The browser took back the graphics (WebGL) context the map draws with, for example after a graphics driver reset. Until it returns it, the map is drawn in 2D; then the full map takes over again.',
} as const;

export const zh: Record<keyof typeof en, string> = {
  robustPanelFailed: '此面板无法显示：{message}',
  robustRetry: '重试',
  robustNoMapTitle: '简易地图',
  robustNoMapText:
    '此浏览器已关闭或不支持 WebGL，因此地图以二维方式绘制：年份、模式、选择和缩放都可使用，只是移动和缩放较为简单。',
  robustNoMapWorkerText:
    '完整地图的绘制程序（其 worker 脚本）未能加载，例如被服务器、网络过滤或浏览器设置拦截，因此地图以二维方式绘制。文件可以访问后，重新加载页面或许能解决；页面地址会保留您的视图。',
  robustNoMapOtherText: '完整地图无法在此浏览器中启动，因此地图以二维方式绘制。',
  robustSoftwareMapText:
    '此浏览器在没有显卡的情况下以软件绘制 WebGL，完整地图每绘制一帧都会让页面停顿，因此改用更快的二维地图。所有功能都可使用，只是移动和缩放较为简单。',
  robustUseFullMap: '仍然使用完整地图',
  robustReloadPage: '重新加载页面',
  robustNoMapReason: '原因：{reason}',
  robustNoMapDetails: '详情',
  robustNoMapClose: '关闭',
  robustLoadFailedTitle: '数据加载失败',
  robustLoadFailedText: '数据和县界加载完成之前，地图保持空白。请检查网络连接后重试：您选择的年份、县和视图都会保留。',
  robustLoadRetrying: '正在加载…',
  robustLoadStillFailing: '已重试 {n} 次，仍然失败。',
  robustLostTitle: '地图暂时以二维方式绘制',
  robustLostText:
    '浏览器收回了地图绘制所用的图形（WebGL）上下文，例如在显卡驱动重置之后。在浏览器归还之前，地图以二维方式绘制；之后完整地图会重新接替。',
};
