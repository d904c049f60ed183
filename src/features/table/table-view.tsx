/**
 * The table view: every unit of the selected year in a real <table>, sortable and filterable,
 * in a modal <dialog>. It is the complete non-map path to the data for keyboard and
 * screen-reader users, so everything the map shows is here as text: each year's state (drawn
 * with the map's swatch and written out), rank where published, and the change from the base
 * year. Choosing a unit's name closes the dialog and selects the unit through the store, so the
 * map flies to it and its details show (a modal's backdrop would hide both); a selection made
 * elsewhere marks its row, which is scrolled into view on opening. Every count says what it is
 * out of: the rows shown of all, and the year's known units per tier next to the official counts.
 *
 * The cells' words are in table-cells.tsx, the downloads in table-downloads.tsx, the sort and
 * filter rules in table-model.ts (over domain/table-rows.ts).
 */
import { useId, useMemo, useRef, useState } from 'react';
import { useModalDialog } from '../../components/use-modal-dialog';
import {
  NO_FILTER,
  STATE_FILTERS,
  rowAreas,
  tableRows,
  type SortColumn,
  type StateFilter,
  type TableSort,
} from '../../domain/table-rows';
import { YEARS } from '../../domain/types';
import { useAppStore } from '../../store/use-app-store';
import type { MessageKey } from '../../i18n/i18n';
import { useT } from '../../i18n/use-t';
import '../../components/button.css';
import '../../components/modal-dialog.css';
import './table-view.css';
import { TABLE_BUTTON_ID } from './table-button';
import { columnLabel, SortHeader, TableRowView } from './table-cells';
import { downloadAll, downloadTable, Downloads, linksFor } from './table-downloads';
import { countText, tallyText } from './table-counts';
import { DEFAULT_SORT, nextSort, shownRows, tableArea, tableTally } from './table-model';
import './on-demand-messages';

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
  const notify = useAppStore((s) => s.notify);

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
  const area = tableArea(pref, areas);
  const shown = useMemo(
    () => (table ? shownRows(table.rows, { text, area, state: stateFilter }, year, sort, lang) : []),
    [table, text, area, stateFilter, year, sort, lang],
  );
  const links = open && dataset !== null ? linksFor(dataset) : [];
  const tally = useMemo(
    () => (table && dataset ? tableTally(table.rows, year, area, dataset.totals) : null),
    [table, dataset, year, area],
  );
  const areaInfo = areas.find((a) => a.code === area);
  const scope = areaInfo ? (lang === 'zh' || !areaInfo.en ? areaInfo.zh : areaInfo.en) : tr('tableScopeProvince');

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

  const onSort = (column: SortColumn) => setSort((s) => nextSort(s, column));

  const clearFilters = () => {
    setText('');
    setStateFilter('all');
    setPref(null);
  };

  const onDownloadTable = () => {
    const dialog = dialogRef.current;
    if (!dialog || !table) return;
    downloadTable(dialog, shown, { year, baseYear: table.baseYear, lang, area });
  };

  const onDownloadAll = () => {
    const dialog = dialogRef.current;
    if (!dialog || !dataset) return;
    downloadAll(dialog, dataset, lang).catch((error: unknown) =>
      notify('warning', tr('tableDownloadFailed', { reason: error instanceof Error ? error.message : String(error) })),
    );
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
          {!table || !tally ? (
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
                  {countText(tr, { shown: shown.length, total: table.rows.length }, stateFilter, tally, scope)}
                </p>
              </div>
              <p className="tbv-tally">{tallyText(tr, tally, year, scope)}</p>

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
                        onSelect={() => {
                          select(row.code, { fly: true });
                          setTableOpen(false);
                          // Keyboard focus goes on to the unit chosen, its details' heading (the
                          // Table button it would return to is folded under "More" on a phone).
                          requestAnimationFrame(() =>
                            document.querySelector<HTMLElement>('.details-panel h2')?.focus(),
                          );
                        }}
                      />
                    ))}
                  </tbody>
                </table>
                {shown.length === 0 && <p className="tbv-empty">{tr('tableEmpty')}</p>}
              </div>

              <Downloads
                tr={tr}
                links={links}
                onTable={onDownloadTable}
                onAll={onDownloadAll}
                hintId={`${ids}-download-hint`}
              />
            </>
          )}
        </div>
      )}
    </dialog>
  );
}
