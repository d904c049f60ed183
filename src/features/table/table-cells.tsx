/**
 * The table's words: column headers (sortable), and each row's cells written out, every year's
 * state with the map's swatch, rank where published and the change from the base year.
 */
import type { Lang } from '../../domain/lang';
import { cellIn, type SortColumn, type TableCell, type TableRow, type TableSort } from '../../domain/table-rows';
import type { ChangeClass, TransitionCategory } from '../../domain/transitions';
import { YEARS, type Tier, type Year } from '../../domain/types';
import type { UnitState } from '../../domain/unit-state';
import type { MessageKey } from '../../i18n/i18n';
import type { useT } from '../../i18n/use-t';
import { swatchStyle } from '../../components/swatch-style';
import './on-demand-messages';

export type Translate = ReturnType<typeof useT>;

/** "B or C", "A, B or C" (zh: "B或C", "A、B或C"). */
function joinTiers(tr: Translate, tiers: readonly Tier[]): string {
  if (tiers.length <= 1) return tiers.join('');
  return `${tiers.slice(0, -1).join(tr('tableTierListSep'))}${tr('tableTierOr')}${tiers[tiers.length - 1] ?? ''}`;
}

function cellText(tr: Translate, state: UnitState | null): string {
  if (state === null) return tr('tableCellNone');
  switch (state.kind) {
    case 'known':
      return tr(state.fact.basis === 'stated' ? 'tableCellStated' : 'tableCellDerived', { tier: state.tier });
    case 'range':
      return tr('tableCellRange', { tiers: joinTiers(tr, state.tiers) });
    case 'unknown':
      return tr('tableCellUnknown');
  }
}

function YearCell({ cell, tr, current }: { cell: TableCell | undefined; tr: Translate; current: boolean }) {
  const state = cell?.state ?? null;
  const kind = state === null ? 'none' : state.kind;
  return (
    <td className={current ? 'tbv-year tbv-current' : 'tbv-year'} data-state={kind}>
      <span
        className={state === null ? 'tbv-swatch tbv-swatch-none' : 'tbv-swatch'}
        style={swatchStyle(state)}
        aria-hidden="true"
      />
      <span>{cellText(tr, state)}</span>
      {state?.kind === 'known' && state.fact.imported === true && (
        <span className="import-badge">{tr('importTableCell')}</span>
      )}
      {cell && cell.via.length > 0 && (
        <span className="tbv-via" lang="zh">
          {tr('tableCellVia', { name: cell.via.map((u) => u.nameZh).join(tr('tableTierListSep')) })}
        </span>
      )}
    </td>
  );
}

const CHANGE_LABEL: Record<ChangeClass, MessageKey> = {
  up2: 'tableChangeUp2',
  up1: 'tableChangeUp1',
  same: 'tableChangeSame',
  down1: 'tableChangeDown1',
  down2: 'tableChangeDown2',
  'unknown-base': 'tableChangeUnknownBase',
  'unknown-current': 'tableChangeUnknownCurrent',
  'unknown-both': 'tableChangeUnknownBoth',
};

const categoryText = (c: TransitionCategory) => (c === 'unknown' ? '?' : c);

function changeText(tr: Translate, row: TableRow, year: Year, base: Year | null): string {
  if (row.change === null || base === null) return tr('tableChangeNoBase');
  const label = tr(CHANGE_LABEL[row.change.change], { base, year });
  if (row.change.change === 'unknown-both') return label;
  return `${categoryText(row.change.from)} → ${categoryText(row.change.to)} · ${label}`;
}

export function columnLabel(tr: Translate, column: SortColumn, year: Year, base: Year | null): string {
  switch (column) {
    case 'name':
      return tr('tableColName');
    case 'area':
      return tr('tableColArea');
    case 'code':
      return tr('tableColCode');
    case 'rank':
      return tr('tableColRank', { year });
    case 'change':
      return base === null ? tr('tableColChangeNoBase') : tr('tableColChange', { base, year });
    default:
      return tr('tableColYear', { year: column });
  }
}

export function SortHeader({
  column,
  sort,
  onSort,
  label,
  className,
}: {
  column: SortColumn;
  sort: TableSort;
  onSort: (column: SortColumn) => void;
  label: string;
  className?: string;
}) {
  const active = sort.column === column;
  const ariaSort = active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined;
  return (
    <th scope="col" aria-sort={ariaSort} className={className}>
      <button type="button" className="tbv-sort" onClick={() => onSort(column)}>
        <span>{label}</span>
        <span className="tbv-sort-mark" aria-hidden="true">
          {active ? (sort.direction === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}

function primaryName(row: TableRow, lang: Lang) {
  return lang === 'zh' ? row.nameZh : row.nameEn;
}

export function TableRowView({
  row,
  tr,
  lang,
  year,
  baseYear,
  selected,
  onSelect,
}: {
  row: TableRow;
  tr: Translate;
  lang: Lang;
  year: Year;
  baseYear: Year | null;
  selected: boolean;
  onSelect: () => void;
}) {
  const otherLang: Lang = lang === 'zh' ? 'en' : 'zh';
  return (
    <tr data-selected={selected ? 'true' : undefined} className={selected ? 'tbv-row-selected' : undefined}>
      <th scope="row" className="tbv-name">
        <button type="button" className="tbv-select" onClick={onSelect} lang={lang}>
          {primaryName(row, lang)}
        </button>
        <span className="tbv-other-name" lang={otherLang}>
          {primaryName(row, otherLang)}
        </span>
        {selected && <span className="tbv-selected-badge">{tr('tableSelected')}</span>}
      </th>
      <td lang={lang === 'zh' || row.areaEn === '' ? 'zh' : 'en'}>
        {lang === 'zh' || row.areaEn === '' ? row.areaZh : row.areaEn}
      </td>
      <td className="tbv-code">{row.code}</td>
      {YEARS.map((y) => (
        <YearCell key={y} cell={cellIn(row, y)} tr={tr} current={y === year} />
      ))}
      <td className={row.rank === null ? 'tbv-rank tbv-muted' : 'tbv-rank'}>
        {row.rank === null || row.rankOf === null
          ? tr('tableRankNone')
          : tr('tableRank', { rank: row.rank, rankOf: row.rankOf })}
      </td>
      <td className="tbv-change" data-change={row.change?.change ?? 'none'}>
        {changeText(tr, row, year, baseYear)}
      </td>
    </tr>
  );
}
