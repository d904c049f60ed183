/**
 * The prefecture table: the 13 areas (11 cities, 定州, 辛集) in the selected year, with their
 * known units per tier, partly known and unknown units, and the official area totals where
 * totals.csv gives them (an exact count, or "≥" a minimum; derived counts in italics). Each
 * area name is a toggle button that filters the map and tables to it (store.pref); the map
 * zooms to the area on its own by reading pref.
 *
 * Shown while no county is selected, like the province summary.
 */
import { useMemo } from 'react';
import type { Lang } from '../../domain/lang';
import {
  areaLabel,
  areaUnitCount,
  hasOfficialCounts,
  prefectureRows,
  provinceRows,
  type AreaRow,
  type OfficialCount,
  type OfficialSummary,
} from '../../domain/summary-rows';
import { lookOf } from '../../domain/legend-model';
import { noteIn } from '../../domain/dataset/notes';
import { lookStyle } from '../../components/swatch-style';
import { TIERS, type Tier } from '../../domain/types';
import { useAppStore, useAppStoreApi } from '../../store/use-app-store';
import './summaries.css';
import { usePanelYear } from '../../components/use-panel-year';
import { useT } from '../../i18n/use-t';

type Translate = ReturnType<typeof useT>;

/** The totals row's note in the UI language, for a hover title; none without a note. */
function officialNote(official: OfficialSummary | null, lang: Lang): string | undefined {
  return official ? noteIn(lang, official.note, official.noteZh).text || undefined : undefined;
}

/**
 * A known count with the official count of that tier under it, where totals.csv gives one:
 * "of 10" (exact) or "≥ 6" (a minimum); italic when the totals row is derived.
 */
function TierCell({
  tr,
  known,
  official,
  derived,
}: {
  tr: Translate;
  known: number;
  official: OfficialCount;
  derived: boolean;
}) {
  return (
    <td className="pt-num pt-tier">
      {known}
      {official && (
        <span className={derived ? 'pt-official pt-derived' : 'pt-official'}>
          <span aria-hidden="true">
            {tr(official.kind === 'exact' ? 'prefOfficialOf' : 'prefOfficialMin', { n: official.n })}
          </span>
          <span className="sr-only">
            , {tr(official.kind === 'exact' ? 'prefOfficialSr' : 'prefOfficialMinSr', { n: official.n })}
          </span>
        </span>
      )}
    </td>
  );
}

/**
 * The cells after the name: units, known per tier (with official), unknown (with the partly
 * known units under it, where there are any: a range bounds them, nothing fixes their tier).
 */
function CountCells({
  tr,
  units,
  knownByTier,
  rangeOnly,
  unknown,
  official,
  complete,
}: {
  tr: Translate;
  units: number;
  knownByTier: Record<Tier, number>;
  rangeOnly: number;
  unknown: number;
  official: OfficialSummary | null;
  complete: boolean | null;
}) {
  return (
    <>
      <td className="pt-num">{units}</td>
      {TIERS.map((t) => (
        <TierCell
          key={t}
          tr={tr}
          known={knownByTier[t]}
          official={official?.tiers[t] ?? null}
          derived={official?.derived ?? false}
        />
      ))}
      <td className="pt-num pt-tier">
        {unknown}
        {rangeOnly > 0 && (
          <span className="pt-official">
            <span aria-hidden="true">{tr('prefRangeShort', { n: rangeOnly })}</span>
            <span className="sr-only">, {tr('prefRangeSr', { n: rangeOnly })}</span>
          </span>
        )}
      </td>
      <td className="pt-complete">
        {complete && (
          <>
            <span aria-hidden="true">✓</span>
            <span className="sr-only">{tr('prefCompleteMark')}</span>
          </>
        )}
      </td>
    </>
  );
}

/** Under the name: the area's average score where a source gives it, and a derived-row mark. */
function NameNotes({ tr, official }: { tr: Translate; official: OfficialSummary | null }) {
  if (!official) return null;
  return (
    <>
      {official.avgScore !== null && <span className="pt-avg">{tr('prefAverage', { score: official.avgScore })}</span>}
      {official.derived && hasOfficialCounts(official) && <span className="sr-only">{tr('prefDerivedMark')}</span>}
    </>
  );
}

function name(row: AreaRow, lang: Lang): string {
  return lang === 'zh' ? row.nameZh : row.nameEn;
}

export function PrefectureTable() {
  const tr = useT();
  const store = useAppStoreApi();
  const data = useAppStore((s) => s.data);
  const year = usePanelYear();
  const lang = useAppStore((s) => s.lang);
  const pref = useAppStore((s) => s.pref);
  const selected = useAppStore((s) => s.selected);
  const dataset = data.status === 'ready' ? data.dataset : null;
  const rows = useMemo(() => (dataset ? prefectureRows(dataset, year) : []), [dataset, year]);
  const province = useMemo(
    () => (dataset ? provinceRows(dataset).find((r) => r.year === year) : undefined),
    [dataset, year],
  );
  // The table is rebuilt only when what it shows changes: on a year step the panel year follows
  // in the background (usePanelYear), and the urgent render in between reuses this element.
  const table = useMemo(() => {
    if (!dataset) return null;
    const setPref = (code: string | null) => store.getState().setPref(code);
    return (
      <section className="prefecture-table" aria-labelledby="prefecture-table-title">
        <h2 id="prefecture-table-title">{tr('prefTitle', { year })}</h2>
        <div className="pt-filter" aria-live="polite">
          {pref !== null ? (
            <>
              <p className="pt-filter-line">
                {tr('prefFiltered', {
                  area: areaLabel(dataset, pref, lang),
                  units: areaUnitCount(dataset, pref, year),
                })}
              </p>
              <button type="button" className="pt-show-all" onClick={() => setPref(null)}>
                {tr('prefShowAll')}
              </button>
            </>
          ) : (
            <p className="summaries-hint">{tr('prefFilterHint')}</p>
          )}
        </div>
        <div className="pt-scroll">
          <table>
            <caption className="sr-only">{tr('prefCaption', { year })}</caption>
            <thead>
              <tr>
                <th scope="col" rowSpan={2}>
                  {tr('prefArea')}
                </th>
                <th scope="col" rowSpan={2} className="pt-num">
                  {tr('prefUnits')}
                </th>
                <th scope="colgroup" colSpan={3}>
                  {tr('prefKnown')}
                </th>
                <th scope="col" rowSpan={2} className="pt-num">
                  {tr('prefUnknown')}
                </th>
                <th scope="col" rowSpan={2} className="pt-complete">
                  <span aria-hidden="true">✓</span>
                  <span className="sr-only">{tr('prefComplete')}</span>
                </th>
              </tr>
              <tr>
                {TIERS.map((t) => (
                  <th key={t} scope="col" className="pt-num">
                    <span className="pt-swatch" style={lookStyle(lookOf(t))} aria-hidden="true" />
                    <span aria-hidden="true">{t}</span>
                    <span className="sr-only">{tr('prefKnownTier', { tier: t })}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const chosen = row.areaCode === pref;
                return (
                  <tr key={row.areaCode} className={chosen ? 'pt-chosen' : undefined}>
                    {/* The row's note (how a count was derived, what a source says) is one hover away. */}
                    <th scope="row" title={officialNote(row.official, lang)}>
                      <button
                        type="button"
                        className="pt-area"
                        aria-pressed={chosen}
                        onClick={() => setPref(chosen ? null : row.areaCode)}
                      >
                        {name(row, lang)}
                      </button>
                      <NameNotes tr={tr} official={row.official} />
                    </th>
                    <CountCells tr={tr} {...row} />
                  </tr>
                );
              })}
            </tbody>
            {province && (
              <tfoot>
                <tr>
                  <th scope="row" title={officialNote(province.official, lang)}>
                    {tr('prefProvince')}
                    <NameNotes tr={tr} official={province.official} />
                  </th>
                  <CountCells tr={tr} {...province} complete={null} />
                </tr>
              </tfoot>
            )}
          </table>
        </div>
        <p className="summaries-hint">{tr('prefOfficialNote')}</p>
      </section>
    );
  }, [dataset, rows, province, pref, lang, year, tr, store]);
  return selected === null ? table : null;
}
