/**
 * The import messages the first view can show: its button, the link banner, the marks of
 * imported facts and the notices about imported data read back (the dialog's own are in
 * on-demand-messages.ts). Every key starts with "import" so it cannot collide with another
 * feature's. User text (names, titles) only ever fills a {parameter}, rendered as React text.
 */
export const en = {
  importButton: 'Import',
  importColStated: 'Stated',
  importLayerAdded: 'added {date}',

  importBannerTitle: 'Data from the link',
  importBannerText:
    'This link carries imported data that is not part of the project data: {n} facts from {sources}. The map shows it, marked as imported.',
  importKeep: 'Keep',
  importDiscard: 'Discard',
  importKept: 'Kept: the data from the link stays in this browser.',
  importDiscarded: 'Discarded the data from the link.',

  importBadge: 'Imported',
  importBadgeFrom: 'Imported from “{title}”',
  importLegend: 'Imported ({n})',
  importLegendHint: 'double outline',
  importTableCell: 'imported',
  importTableFilter: 'Imported facts',
  importSourceNoteLocal: 'Imported by the user in this browser; not part of the project data.',
  importSourceNoteLink: 'Imported from a shared link; not part of the project data.',

  importWhereStorage: 'Imported data saved in this browser',
  importWhereLink: 'Imported data in the link',
  importCheckNotLayers: '{where} is not in the expected form and was not applied.',
  importCheckTooManyLayers: '{where}: only the first {limit} layers were applied.',
  importCheckLayerDropped: '{where}: the layer “{title}” was not applied ({reason}).',
  importCheckLayerDroppedUntitled: '{where}: a layer was not applied ({reason}).',
  importCheckFactsDropped:
    '{where}: {count} facts of “{title}” were not applied (e.g. {example}): unknown unit, year, tier or rank.',
  importCheckFactDroppedOne:
    '{where}: 1 fact of “{title}” was not applied ({example}): unknown unit, year, tier or rank.',
  importDropShape: 'wrong form',
  importDropId: 'wrong or repeated id',
  importDropTitle: 'missing or over-long title',
  importDropDate: 'bad date',
  importDropUrl: 'its link is not http or https',
  importDropOrigin: 'wrong origin',
  importDropNoFacts: 'no valid fact',
  importDropTooMany: 'too many facts',
  importStorageUnavailable: 'This browser’s storage could not be read: imported data from earlier visits is not shown.',
  importStorageFull: 'This browser’s storage is full: the imported data is shown now but will be gone after a reload.',
  importStorageBlocked: 'This browser does not allow saving data: the imported data will be gone after a reload.',
  importStorageKeptUnreadable:
    'Imported data saved in this browser could not be read and was not applied. It is kept aside as it was: download it, or remove it.',
  importStorageKeptOlder:
    'Imported data saved in this browser is in the format of an older version of the explorer (format {version}), which this version cannot read; it was not applied. It is kept aside as it was: download it, or remove it.',
  importStorageKeptMigrated:
    'Imported data saved by an older version of the explorer was updated to this version’s format. The original is kept aside: download it, or remove it.',
  importStorageKeptDropped:
    'Part of the imported data saved in this browser was not applied. The saved data is kept aside as it was: download it, or remove it.',
  importStorageNewer:
    'Imported data in this browser was saved by a newer version of the explorer (format {version}). This version does not show it and leaves it unchanged, so imports made here are not saved. Download it, or remove it so that this version can save.',
  importStorageNotKept:
    'Imported data saved in this browser cannot be used in full, and no copy of it could be kept aside. It is left unchanged, so imports made here are not saved: download it, or remove it so that this version can save.',
  importStorageNotSaved:
    'Imported data changed here is shown but not saved: the imported data already saved in this browser is left unchanged (see the notice about it).',
  importStorageTooMany:
    'Not saved: with the layers added in another tab, this browser would keep more than {max} imported layers. What is shown now will be gone after a reload; remove some layers under “Import” to save again.',
  importKeepTooMany:
    'Not kept: with these {n} layers this browser would keep more than {max} imported layers. Remove some of yours under “Import” first; the link’s data stays shown meanwhile.',
  importKeptDownload: 'Download',
  importKeptRemove: 'Remove',
  importKeptRemoved: 'Removed the imported data kept aside.',
  importKeptRemoveFailed: 'The imported data kept aside could not be removed: this browser refused.',
  importKeptEntryRemoved:
    'Removed the saved imported data this version could not use; imports made here are saved again.',
  importKeptEarlier:
    'This browser keeps {n} copies of imported data set aside earlier because they could not be used in full.',
  importKeptItem: '{date} ({reason}, {kb} KB)',
  importKeptReasonUnreadable: 'unreadable',
  importKeptReasonOlder: 'older format',
  importKeptReasonNewer: 'newer format',
  importKeptReasonDropped: 'partly not applied',
  importKeptReasonMigrated: 'before a format update',
  importKeptDownloadAll: 'Download all',
  importKeptRemoveAll: 'Remove all',
  importKeptAllRemoved: 'Removed all imported data kept aside earlier.',
  importOtherTab: 'Imported layers changed in another tab: {added} added, {removed} removed.',
  importOtherTabAdded: 'Added: “{title}”',
  importOtherTabRemoved: 'Removed: “{title}”',
  importLinkCorrupt: 'The imported data in this link could not be read ({reason}); nothing from it was applied.',
  importLinkProblems: 'The imported data in this link has {n} problems; what passed the checks is shown:',
  importLinkTooLarge: 'too large',
  importLinkEncoding: 'not base64url text',
  importLinkCompression: 'not compressed data',
  importLinkJson: 'not the expected data',
  importLinkVersion: 'made by another version of the explorer',
  importShareTooLong: 'The imported data is too large for a link: the link was copied without it.',
} as const;

export const zh: Record<keyof typeof en, string> = {
  importButton: '导入',
  importColStated: '已有记载',
  importLayerAdded: '添加于 {date}',

  importBannerTitle: '来自链接的数据',
  importBannerText:
    '此链接带有不属于项目数据的导入数据：来自 {sources} 的 {n} 条事实。地图已显示这些数据，并标记为“导入”。',
  importKeep: '保留',
  importDiscard: '丢弃',
  importKept: '已保留：来自链接的数据保存在此浏览器中。',
  importDiscarded: '已丢弃来自链接的数据。',

  importBadge: '导入',
  importBadgeFrom: '导入自“{title}”',
  importLegend: '导入（{n}）',
  importLegendHint: '双线轮廓',
  importTableCell: '导入',
  importTableFilter: '导入的事实',
  importSourceNoteLocal: '由用户在此浏览器中导入；不属于项目数据。',
  importSourceNoteLink: '来自分享链接的导入；不属于项目数据。',

  importWhereStorage: '此浏览器中保存的导入数据',
  importWhereLink: '链接中的导入数据',
  importCheckNotLayers: '{where}格式不符，未应用。',
  importCheckTooManyLayers: '{where}：只应用了前 {limit} 个图层。',
  importCheckLayerDropped: '{where}：图层“{title}”未应用（{reason}）。',
  importCheckLayerDroppedUntitled: '{where}：有一个图层未应用（{reason}）。',
  importCheckFactsDropped:
    '{where}：“{title}”中有 {count} 条事实未应用（如 {example}）：单位、年份、类别或名次不正确。',
  importCheckFactDroppedOne: '{where}：“{title}”中有 1 条事实未应用（{example}）：单位、年份、类别或名次不正确。',
  importDropShape: '格式不符',
  importDropId: '编号错误或重复',
  importDropTitle: '标题缺失或过长',
  importDropDate: '日期错误',
  importDropUrl: '链接不是 http 或 https',
  importDropOrigin: '来源类型不符',
  importDropNoFacts: '没有有效的事实',
  importDropTooMany: '事实过多',
  importStorageUnavailable: '无法读取此浏览器的存储：以前导入的数据未显示。',
  importStorageFull: '此浏览器的存储已满：导入的数据现在可见，但重新加载后将消失。',
  importStorageBlocked: '此浏览器不允许保存数据：导入的数据在重新加载后将消失。',
  importStorageKeptUnreadable: '此浏览器中保存的导入数据无法读取，未应用。原数据已原样另存：可以下载，也可以删除。',
  importStorageKeptOlder:
    '此浏览器中保存的导入数据是本应用旧版本的格式（格式 {version}），当前版本无法读取，未应用。原数据已原样另存：可以下载，也可以删除。',
  importStorageKeptMigrated:
    '本应用旧版本保存的导入数据已转换为当前版本的格式。转换前的原数据已另存：可以下载，也可以删除。',
  importStorageKeptDropped: '此浏览器中保存的导入数据有一部分未应用。保存的原数据已原样另存：可以下载，也可以删除。',
  importStorageNewer:
    '此浏览器中的导入数据由本应用的较新版本保存（格式 {version}）。当前版本不显示也不改动这些数据，因此在这里做的导入不会保存。可以下载这些数据，或将其删除，以便当前版本保存。',
  importStorageNotKept:
    '此浏览器中保存的导入数据无法完整使用，也无法另存副本。原数据保持不变，因此在这里做的导入不会保存：可以下载，或将其删除，以便当前版本保存。',
  importStorageNotSaved: '这里对导入数据的改动已显示，但未保存：此浏览器中已保存的导入数据保持不变（见相关提示）。',
  importStorageTooMany:
    '未保存：加上另一个标签页中添加的图层，此浏览器保存的导入图层将超过 {max} 个。现在显示的内容在重新加载后将消失；请在“导入”中删除一些图层后再保存。',
  importKeepTooMany:
    '未保留：加上这 {n} 个图层，此浏览器保存的导入图层将超过 {max} 个。请先在“导入”中删除一些自己的图层；在此期间链接中的数据仍会显示。',
  importKeptDownload: '下载',
  importKeptRemove: '删除',
  importKeptRemoved: '已删除另存的导入数据。',
  importKeptRemoveFailed: '另存的导入数据未能删除：浏览器拒绝了操作。',
  importKeptEntryRemoved: '已删除当前版本无法使用的导入数据；在这里做的导入会重新保存。',
  importKeptEarlier: '此浏览器中另存着 {n} 份此前无法完整使用的导入数据。',
  importKeptItem: '{date}（{reason}，{kb} KB）',
  importKeptReasonUnreadable: '无法读取',
  importKeptReasonOlder: '旧版本格式',
  importKeptReasonNewer: '较新版本格式',
  importKeptReasonDropped: '部分未应用',
  importKeptReasonMigrated: '格式转换前的原数据',
  importKeptDownloadAll: '全部下载',
  importKeptRemoveAll: '全部删除',
  importKeptAllRemoved: '已删除此前另存的全部导入数据。',
  importOtherTab: '其他标签页中的导入图层有变化：新增 {added} 个，移除 {removed} 个。',
  importOtherTabAdded: '新增：“{title}”',
  importOtherTabRemoved: '移除：“{title}”',
  importLinkCorrupt: '无法读取此链接中的导入数据（{reason}）；未应用任何内容。',
  importLinkProblems: '此链接中的导入数据有 {n} 处问题；已显示通过检查的部分：',
  importLinkTooLarge: '过大',
  importLinkEncoding: '不是 base64url 文本',
  importLinkCompression: '不是压缩数据',
  importLinkJson: '不是预期的数据',
  importLinkVersion: '由其他版本的本应用生成',
  importShareTooLong: '导入的数据过大，无法放入链接：已复制不含导入数据的链接。',
};
