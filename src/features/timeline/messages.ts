/** Year slider, playback, the yearly change summary and the map tooltip. */
export const en = {
  timelineLabel: 'Timeline',
  yearSlider: 'Year',
  play: 'Play',
  pause: 'Pause',
  playHint: 'Plays 2019 to 2023, about a second per year',
  changeSummary:
    '{year} against {base} (default base: most units comparable): {up} up, {down} down, {same} unchanged among the {known} units known in both years; {other} of {total} not comparable.',
  changeSummaryChosen:
    '{year} against {base} (chosen base): {up} up, {down} down, {same} unchanged among the {known} units known in both years; {other} of {total} not comparable.',
  changeFirstYear: '{year}: the first evaluation; {known} of {total} units known.',
  stateStated: '{tier} (stated)',
  stateImported: '{tier} (imported)',
  stateDerived: '{tier} (derived)',
  stateRange: '{tiers} (range statement)',
  stateUnknown: 'unknown: no source states it',
  tierOr: ' or ',
  tooltipRank: 'rank {rank} of {of}',
} as const;

export const zh: Record<keyof typeof en, string> = {
  timelineLabel: '时间轴',
  yearSlider: '年份',
  play: '播放',
  pause: '暂停',
  playHint: '依次播放2019至2023年，每年约一秒',
  changeSummary:
    '{year}年对比{base}年（默认基准年：可比单位最多）：两年均已知的{known}个单位中，上升{up}个，下降{down}个，不变{same}个；{total}个中{other}个无法比较。',
  changeSummaryChosen:
    '{year}年对比{base}年（所选基准年）：两年均已知的{known}个单位中，上升{up}个，下降{down}个，不变{same}个；{total}个中{other}个无法比较。',
  changeFirstYear: '{year}年：首次评价；{total}个单位中已知{known}个。',
  stateStated: '{tier}类（已公布）',
  stateImported: '{tier}类（导入）',
  stateDerived: '{tier}类（推得）',
  stateRange: '{tiers}类（区间说明）',
  stateUnknown: '未知：无来源说明',
  tierOr: '或',
  tooltipRank: '第{rank}名（共{of}个）',
};
