/**
 * The table view: every unit of the selected year in a real <table>, sortable and filterable,
 * in a modal <dialog>. It is the complete non-map path to the data for keyboard and
 * screen-reader users, so everything the map shows is here as text: each year's state (drawn
 * with the map's swatch and written out), rank where published, and the change from the base
 * year. Choosing a unit's name selects it through the store (the map flies to it and the dialog
 * stays open); a selection made elsewhere marks its row, which is scrolled into view on opening.
 *
 * Downloads: the table as shown (CSV of the visible rows) and the whole dataset in the data/
 * formats (one file per table), both built by src/domain/export-csv.ts.
 */
import { useId, useMemo, useRef, useState } from 'react';
import { useModalDialog } from '../../components/use-modal-dialog';
import { exportDataset, tableCsv, tableCsvFileName, type DatasetFiles } from '../../domain/export-csv';
import type { Lang } from '../../domain/lang';
import {
  NO_FILTER,
  STATE_FILTERS,
  filterRows,
  rowAreas,
  sortRows,
  tableRows,
  type SortColumn,
  type StateFilter,
  type TableCell,
  type TableRow,
  type TableSort,
} from '../../domain/table-rows';
import type { ChangeClass, TransitionCategory } from '../../domain/transitions';
import { YEARS, type Dataset, type Tier, type Year } from '../../domain/types';
import type { UnitState } from '../../domain/unit-state';
import { useAppStore } from '../../store/use-app-store';
import type { MessageKey } from '../../i18n/i18n';
import { useT } from '../../i18n/use-t';
import '../../components/button.css';
import '../../components/modal-dialog.css';
import './table-view.css';
import { swatchStyle } from '../../components/swatch-style';
import { TABLE_BUTTON_ID } from './table-button';

type Translate = ReturnType<typeof useT>;

// ---------------------------------------------------------------------------------------------
// Cells in words, with the map's swatches

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

// ---------------------------------------------------------------------------------------------
// Downloads

/**
 * Saves text as a file through a temporary <a download>. The link is put inside the dialog:
 * while a modal dialog is open everything outside it is inert.
 */
function saveText(container: HTMLElement, name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  container.append(link);
  link.click();
  link.remove();
  // The download has started by now; revoking later rather than at once keeps slow browsers safe.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A byte-order mark, so spreadsheet programs read the table's Chinese names as UTF-8. */
const BOM = '\uFEFF';

interface FileLink {
  file: keyof DatasetFiles;
  url: string;
  rows: number;
}

/**
 * Object URLs for the six data files, so each is a real link (open, save as, copy address).
 * One set per dataset, made on first use and revoked when a new dataset (an import) replaces
 * it. Kept outside React on purpose: effect cleanups would revoke the links still on screen when
 * StrictMode replays effects, and the set is cheap (the tables are about 70 kB together).
 */
let datasetLinks: { dataset: Dataset; links: FileLink[] } | null = null;

function linksFor(dataset: Dataset): FileLink[] {
  if (datasetLinks?.dataset === dataset) return datasetLinks.links;
  for (const link of datasetLinks?.links ?? []) URL.revokeObjectURL(link.url);
  const files = exportDataset(dataset);
  const links = (Object.keys(files) as (keyof DatasetFiles)[]).map((file) => ({
    file,
    // The data/ files have no byte-order mark; the exports match them byte for byte.
    url: URL.createObjectURL(new Blob([files[file]], { type: 'text/csv;charset=utf-8' })),
    rows: rowCount(dataset, file),
  }));
  datasetLinks = { dataset, links };
  return links;
}

function rowCount(dataset: Dataset, file: keyof DatasetFiles): number {
  switch (file) {
    case 'units.csv':
      return dataset.units.length;
    case 'sources.csv':
      return dataset.sources.length;
    case 'tiers.csv':
      return dataset.tiers.length;
    case 'tier_ranges.csv':
      return dataset.ranges.length;
    case 'totals.csv':
      return dataset.totals.length;
    case 'indicators.csv':
      return dataset.indicators.length;
  }
}

// ---------------------------------------------------------------------------------------------
// The dialog

const STATE_FILTER_LABEL: Record<StateFilter, MessageKey> = {
  all: 'tableStateAll',
  known: 'tableStateKnown',
  A: 'tableStateA',
  B: 'tableStateB',
  C: 'tableStateC',
  derived: 'tableStateDerived',
  imported: 'importTableFilter',
  range: 'tableStateRange',
  unknown: 'tableStateUnknown',
};

const DEFAULT_SORT: TableSort = { column: 'code', direction: 'asc' };

function columnLabel(tr: Translate, column: SortColumn, year: Year, base: Year | null): string {
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

function SortHeader({
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

export function TableDialog() {
  const tr = useT();
  const open = useAppStore((s) => s.tableOpen);
  const setTableOpen = useAppStore((s) => s.setTableOpen);
  const data = useAppStore((s) => s.data);
  const year = useAppStore((s) => s.year);
  const base = useAppStore((s) => s.base);
  const lang = useAppStore((s) => s.lang);
  const selected = useAppStore((s) => s.selected);
  const select = useAppStore((s) => s.select);
  const pref = useAppStore((s) => s.pref);
  const setPref = useAppStore((s) => s.setPref);

  const tableWrapRef = useRef<HTMLDivElement>(null);
  const filterRef = useRef<HTMLInputElement>(null);
  const ids = useId();
  const titleId = `${ids}-title`;

  const [text, setText] = useState(NO_FILTER.text);
  const [stateFilter, setStateFilter] = useState<StateFilter>(NO_FILTER.state);
  const [sort, setSort] = useState<TableSort>(DEFAULT_SORT);

  const dataset = data.status === 'ready' ? data.dataset : null;
  const table = useMemo(
    () => (open && data.status === 'ready' ? tableRows(data.dataset, data.index, year, base) : null),
    [open, data, year, base],
  );
  const areas = useMemo(() => (table ? rowAreas(table.rows) : []), [table]);
  // The shared area filter (store.pref) may name an area with no unit this year; then it filters nothing out.
  const area = pref !== null && areas.some((a) => a.code === pref) ? pref : null;
  const shown = useMemo(() => {
    if (!table) return [];
    return sortRows(filterRows(table.rows, { text, area, state: stateFilter }, year), sort, lang);
  }, [table, text, area, stateFilter, year, sort, lang]);
  const links = open && dataset !== null ? linksFor(dataset) : [];

  // Open and close the native dialog from the store, so any code (a link, a test) can open it.
  const { dialogRef, onClose, onKeyDown } = useModalDialog({
    open,
    setOpen: setTableOpen,
    fallbackFocusId: TABLE_BUTTON_ID,
    // Bring the selected county's row into view and put focus on it, so keyboard users go on
    // from the county they were looking at; without one, focus goes to the filter field.
    focusOnOpen: () => {
      const row = tableWrapRef.current?.querySelector<HTMLTableRowElement>('tr[data-selected="true"]');
      if (row) {
        row.querySelector<HTMLButtonElement>('button')?.focus({ preventScroll: true });
        row.scrollIntoView({ block: 'center' });
      } else {
        filterRef.current?.focus();
      }
    },
  });

  const onSort = (column: SortColumn) =>
    setSort((s) =>
      s.column === column
        ? { column, direction: s.direction === 'asc' ? 'desc' : 'asc' }
        : { column, direction: 'asc' },
    );

  const clearFilters = () => {
    setText('');
    setStateFilter('all');
    setPref(null);
  };

  const downloadTable = () => {
    const dialog = dialogRef.current;
    if (!dialog || !table) return;
    saveText(dialog, tableCsvFileName(year), BOM + tableCsv(shown, { year, baseYear: table.baseYear }));
  };

  const downloadAll = () => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    // Browsers may ask once before allowing several downloads; spacing them out keeps each one.
    links.forEach((link, i) => {
      setTimeout(() => {
        const a = dialog.querySelector<HTMLAnchorElement>(`a[data-file="${link.file}"]`);
        a?.click();
      }, i * 300);
    });
  };

  const baseYear = table?.baseYear ?? null;
  const sortedBy = tr('tableSortedBy', {
    column: columnLabel(tr, sort.column, year, baseYear),
    direction: tr(sort.direction === 'asc' ? 'tableSortAscending' : 'tableSortDescending'),
  });

  return (
    <dialog
      ref={dialogRef}
      className="modal-dialog table-view"
      aria-labelledby={titleId}
      onClose={onClose}
      onKeyDown={onKeyDown}
    >
      {open && (
        <div className="tbv-frame">
          <header className="tbv-header">
            <h2 id={titleId}>{tr('tableTitle', { year })}</h2>
            <button
              type="button"
              className="modal-close"
              aria-label={tr('tableClose')}
              title={tr('tableClose')}
              onClick={() => setTableOpen(false)}
            >
              <span aria-hidden="true">×</span>
            </button>
          </header>
          {!table ? (
            <p role="status">{tr('tableLoading')}</p>
          ) : (
            <>
              <p className="tbv-intro">{tr('tableIntro', { year })}</p>
              <div className="tbv-controls">
                <label className="tbv-field">
                  <span>{tr('tableFilter')}</span>
                  <input
                    type="search"
                    value={text}
                    placeholder={tr('tableFilterPlaceholder')}
                    ref={filterRef}
                    onChange={(e) => setText(e.currentTarget.value)}
                  />
                </label>
                <label className="tbv-field">
                  <span>{tr('tableArea')}</span>
                  <select value={area ?? ''} onChange={(e) => setPref(e.currentTarget.value || null)}>
                    <option value="">{tr('tableAreaAll')}</option>
                    {areas.map((a) => (
                      <option key={a.code} value={a.code}>
                        {lang === 'zh' ? a.zh : `${a.en || a.zh} ${a.zh}`}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="tbv-field">
                  <span>{tr('tableState', { year })}</span>
                  <select value={stateFilter} onChange={(e) => setStateFilter(e.currentTarget.value as StateFilter)}>
                    {STATE_FILTERS.map((f) => (
                      <option key={f} value={f}>
                        {tr(STATE_FILTER_LABEL[f])}
                      </option>
                    ))}
                  </select>
                </label>
                <button type="button" className="btn" onClick={clearFilters}>
                  {tr('tableClearFilters')}
                </button>
                <p className="tbv-count" role="status">
                  {tr('tableCount', { total: table.rows.length, shown: shown.length })}
                </p>
              </div>

              <div className="tbv-table-wrap" ref={tableWrapRef}>
                <table className="tbv-table">
                  <caption>
                    {baseYear === null
                      ? tr('tableCaptionNoBase', { year })
                      : tr('tableCaption', { year, base: baseYear })}{' '}
                    {sortedBy}
                  </caption>
                  <thead>
                    <tr>
                      <SortHeader column="name" sort={sort} onSort={onSort} label={tr('tableColName')} />
                      <SortHeader column="area" sort={sort} onSort={onSort} label={tr('tableColArea')} />
                      <SortHeader column="code" sort={sort} onSort={onSort} label={tr('tableColCode')} />
                      {YEARS.map((y) => (
                        <SortHeader
                          key={y}
                          column={y}
                          sort={sort}
                          onSort={onSort}
                          label={columnLabel(tr, y, year, baseYear)}
                          className={y === year ? 'tbv-current' : undefined}
                        />
                      ))}
                      <SortHeader
                        column="rank"
                        sort={sort}
                        onSort={onSort}
                        label={columnLabel(tr, 'rank', year, baseYear)}
                      />
                      <SortHeader
                        column="change"
                        sort={sort}
                        onSort={onSort}
                        label={columnLabel(tr, 'change', year, baseYear)}
                      />
                    </tr>
                  </thead>
                  <tbody>
                    {shown.map((row) => (
                      <TableRowView
                        key={row.code}
                        row={row}
                        tr={tr}
                        lang={lang}
                        year={year}
                        baseYear={baseYear}
                        selected={row.code === selected}
                        onSelect={() => select(row.code, { fly: true })}
                      />
                    ))}
                  </tbody>
                </table>
                {shown.length === 0 && <p className="tbv-empty">{tr('tableEmpty')}</p>}
              </div>

              <Downloads
                tr={tr}
                links={links}
                onTable={downloadTable}
                onAll={downloadAll}
                hintId={`${ids}-download-hint`}
              />
            </>
          )}
        </div>
      )}
    </dialog>
  );
}

function TableRowView({
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
        <YearCell key={y} cell={row.cells.find((c) => c.year === y)} tr={tr} current={y === year} />
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

function Downloads({
  tr,
  links,
  onTable,
  onAll,
  hintId,
}: {
  tr: Translate;
  links: readonly FileLink[];
  onTable: () => void;
  onAll: () => void;
  hintId: string;
}) {
  return (
    <section className="tbv-downloads" aria-label={tr('tableDownloads')}>
      <div className="tbv-download">
        <button type="button" className="btn" onClick={onTable} aria-describedby={`${hintId}-table`}>
          {tr('tableDownloadTable')}
        </button>
        <p id={`${hintId}-table`} className="tbv-hint">
          {tr('tableDownloadTableHint')}
        </p>
      </div>
      <div className="tbv-download">
        <button
          type="button"
          className="btn"
          onClick={onAll}
          disabled={links.length === 0}
          aria-describedby={`${hintId}-all`}
        >
          {tr('tableDownloadAll')}
        </button>
        <p id={`${hintId}-all`} className="tbv-hint">
          {tr('tableDownloadAllHint')}
        </p>
        <ul className="tbv-files">
          {links.map((link) => (
            <li key={link.file}>
              <a href={link.url} download={link.file} data-file={link.file}>
                {tr('tableDownloadFile', { file: link.file, rows: link.rows })}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
