/**
 * The province summary: for each evaluation year, what is known (a stacked bar of A, B, C,
 * partly known and unknown units) beside the official totals (a thin bar below, open-ended
 * where only a minimum is known), with the same numbers as text. The bars are decoration
 * (aria-hidden); the text says everything they show. Choosing a year shows it on the map.
 *
 * Shown while no county is selected: the details panel takes the side panel then (DESIGN.md).
 */
import { useMemo } from 'react';
import { lookOf } from '../../domain/legend-model';
import {
  formatKnownOfOfficial,
  formatOfficialCounts,
  hasOfficialCounts,
  provinceRows,
  type ProvinceYearRow,
} from '../../domain/summary-rows';
import { useAppStore, useAppStoreApi } from '../../store/use-app-store';
import './summaries.css';
import { useT } from '../../i18n/use-t';
import { lookStyle, segmentStyle } from '../../components/swatch-style';

type Translate = ReturnType<typeof useT>;

const pct = (share: number) => `${(share * 100).toFixed(3)}%`;

function Bars({ row }: { row: ProvinceYearRow }) {
  return (
    <div className="ps-bars" aria-hidden="true">
      <div className="ps-bar ps-bar-known">
        {row.segments
          .filter((s) => s.count > 0)
          .map((s) => (
            <span
              key={s.key}
              className="ps-seg"
              style={{ left: pct(s.start), width: pct(s.share), ...segmentStyle(s.key) }}
            />
          ))}
      </div>
      <div className="ps-bar ps-bar-official">
        {row.officialSegments
          .filter((s) => s.count > 0)
          .map((s) => (
            <span
              key={s.tier}
              className={s.open ? 'ps-seg ps-seg-open' : 'ps-seg'}
              style={{ left: pct(s.start), width: pct(s.share), ...lookStyle(lookOf(s.tier)) }}
            />
          ))}
      </div>
    </div>
  );
}

function officialText(tr: Translate, row: ProvinceYearRow): string {
  const { official } = row;
  if (!official || (!hasOfficialCounts(official) && official.avgScore === null)) return tr('provinceOfficialNone');
  const parts = [formatOfficialCounts(official)];
  if (official.avgScore !== null) parts.push(tr('provinceAverage', { score: official.avgScore }));
  const counts = parts.filter(Boolean).join(' · ');
  return tr(official.derived ? 'provinceOfficialDerived' : 'provinceOfficial', { counts });
}

export function ProvinceSummary() {
  const tr = useT();
  const store = useAppStoreApi();
  const data = useAppStore((s) => s.data);
  const year = useAppStore((s) => s.year);
  const selected = useAppStore((s) => s.selected);
  const dataset = data.status === 'ready' ? data.dataset : null;
  const rows = useMemo(() => (dataset ? provinceRows(dataset) : []), [dataset]);
  if (!dataset || selected !== null) return null;

  return (
    <section className="province-summary" aria-labelledby="province-summary-title">
      {/* Focusable by script: the county details' "back to the province view" moves focus here. */}
      <h2 id="province-summary-title" tabIndex={-1}>
        {tr('provinceTitle')}
      </h2>
      <p className="summaries-hint">{tr('provinceIntro')}</p>
      <ol className="ps-years">
        {rows.map((row) => {
          const current = row.year === year;
          return (
            <li key={row.year} className={current ? 'ps-year ps-current' : 'ps-year'}>
              <button
                type="button"
                className="ps-year-button"
                aria-pressed={current}
                aria-label={tr('provinceYearButton', { year: row.year })}
                onClick={() => store.getState().setYear(row.year)}
              >
                {row.year}
              </button>
              {/* The bars repeat the text beside them; a pointer may click them too. */}
              <div className="ps-body" onClick={() => store.getState().setYear(row.year)}>
                <Bars row={row} />
                <p className="ps-coverage">{tr('coverage', { year: row.year, known: row.known, total: row.units })}</p>
                <p className="ps-detail">
                  {tr('provinceKnownOfficial', { counts: formatKnownOfOfficial(row.knownByTier, row.official) })}
                  {row.rangeOnly > 0 && <> · {tr('provinceRange', { n: row.rangeOnly })}</>}
                  {' · '}
                  {tr('provinceUnknown', { n: row.unknown })}
                </p>
                <p className="ps-detail ps-official">{officialText(tr, row)}</p>
              </div>
            </li>
          );
        })}
      </ol>
      <p className="summaries-hint">{tr('provinceBarKey')}</p>
    </section>
  );
}
