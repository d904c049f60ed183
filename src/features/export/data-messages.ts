/** The data downloads of the Export menu. */
export const en = {
  exportTableCsv: 'Table (CSV)',
  exportAllZip: 'All data (ZIP)',
  exportDataWorking: 'Making the file…',
} as const;

export const zh: Record<keyof typeof en, string> = {
  exportTableCsv: '表格（CSV）',
  exportAllZip: '全部数据（ZIP）',
  exportDataWorking: '正在生成文件…',
};
