/**
 * The comparison at the top of the details panel: the unit's five years beside its neighbours'
 * (one row each, a swatch per year as the map draws it), then its area's and the province's
 * counts for the same years (a bar of all their units, then known / official per tier, partly
 * known and unknown). It is a real table: year columns and row headers a screen reader can
 * follow, and every cell says in words what its swatch, bar or short figure shows.
 */
import type { CSSProperties, ReactNode } from 'react';
import type { Lang } from '../../domain/lang';
import { lookOf } from '../../domain/legend-model';
import { officialFigure } from '../../domain/summary-rows';
import { TIERS, type Unit, type UnitCode } from '../../domain/types';
import type { StripCell } from '../../domain/unit-details';
import { hasRangeOnly, type ComparedUnit, type ScopeYear, type UnitComparison } from '../../domain/unit-comparison';
import type { UnitState } from '../../domain/unit-state';
import { lookStyle, segmentStyle } from '../../components/swatch-style';
import { stateWords, tierWords } from '../../i18n';
import { Swatch, type Translate } from './fact-text';
import './comparison-table.css';

/** A unit's name in the table: the Chinese name, or the English one (the table is narrow). */
function shortName(unit: Unit, lang: Lang): string {
  return lang === 'zh' ? unit.nameZh : unit.nameEn;
}

/** The figure shown in a unit's cell: its tier, the tiers a range leaves, ? for unknown, – for no unit. */
function shortState(state: UnitState | null): string {
  if (state === null) return '–';
  if (state.kind === 'known') return state.tier;
  if (state.kind === 'range') return state.tiers.join('/');
  return '?';
}

function SrOnly({ children }: { children: ReactNode }) {
  return <span className="sr-only">{children}</span>;
}

function UnitCell({ cell, now, tr }: { cell: StripCell; now: boolean; tr: Translate }) {
  const states = cell.members.length > 0 ? cell.members.map((m) => m.state) : [null];
  const shown = cell.relation === 'predecessor' || cell.relation === 'successor';
  const words = states
    .map((s, i) => {
      const label = stateWords(tr, s);
      const member = cell.members[i];
      return shown && member ? tr('detailsCompareAs', { state: label, name: member.unit.nameZh }) : label;
    })
    .join(' / ');
  return (
    <td className={now ? 'dp-cmp-now' : undefined}>
      <span className="dp-cmp-state" aria-hidden="true">
        {states.map((s, i) => (
          <Swatch key={i} state={s} />
        ))}
        <span className="dp-cmp-fig">{states.map(shortState).join(' ')}</span>
      </span>
      <SrOnly>{words}</SrOnly>
    </td>
  );
}

function UnitRow({
  row,
  self,
  year,
  areaNames,
  tr,
  lang,
  onSelect,
}: {
  row: ComparedUnit;
  self: boolean;
  year: number;
  areaNames: ReadonlyMap<string, string>;
  tr: Translate;
  lang: Lang;
  onSelect: (code: UnitCode) => void;
}) {
  const name = shortName(row.unit, lang);
  const area = row.otherArea ? (areaNames.get(row.unit.prefectureCode) ?? row.unit.prefectureCode) : null;
  return (
    <tr className={self ? 'dp-cmp-self' : undefined}>
      <th scope="row">
        {self ? (
          name
        ) : (
          <button
            type="button"
            className="dp-cmp-unit"
            title={tr('detailsCompareSelect', { name })}
            onClick={() => onSelect(row.unit.code)}
          >
            {name}
            {area !== null && <span className="dp-cmp-area">{tr('detailsCompareOtherArea', { area })}</span>}
          </button>
        )}
      </th>
      {row.cells.map((cell) => (
        <UnitCell key={cell.year} cell={cell} now={cell.year === year} tr={tr} />
      ))}
    </tr>
  );
}

// ---------------------------------------------------------------------------------------------
// Count rows of an area and of the province

const pct = (share: number) => `${(share * 100).toFixed(3)}%`;

function ScopeRows({
  name,
  years,
  year,
  tr,
}: {
  name: string;
  years: readonly ScopeYear[];
  year: number;
  tr: Translate;
}) {
  const now = (y: ScopeYear) => (y.year === year ? 'dp-cmp-now' : undefined);
  const header = (look: CSSProperties | null, label: string) => (
    <th scope="row" className="dp-cmp-sub">
      {look && <span className="dp-swatch" style={look} aria-hidden="true" />}
      <SrOnly>{name} </SrOnly>
      {label}
    </th>
  );
  return (
    <tbody className="dp-cmp-scope">
      <tr>
        <th scope="row" className="dp-cmp-scope-name">
          {name}
          <SrOnly> {tr('detailsCompareUnits')}</SrOnly>
        </th>
        {years.map((y) => (
          <td key={y.year} className={now(y)}>
            <span className="dp-cmp-bar" aria-hidden="true">
              {y.segments
                .filter((s) => s.count > 0)
                .map((s) => (
                  <span
                    key={s.key}
                    className="dp-cmp-seg"
                    style={{ left: pct(s.start), width: pct(s.share), ...segmentStyle(s.key) }}
                  />
                ))}
            </span>
            <span className="dp-cmp-fig dp-cmp-units" aria-hidden="true">
              {y.units}
            </span>
            <SrOnly>{tr('detailsCompareUnitsCell', { n: y.units })}</SrOnly>
          </td>
        ))}
      </tr>
      {TIERS.map((tier) => (
        <tr key={tier}>
          {header(lookStyle(lookOf(tier)), tier)}
          {years.map((y) => (
            <td key={y.year} className={now(y)}>
              <span className="dp-cmp-fig" aria-hidden="true">
                {y.known[tier]}/{officialFigure(y.official?.[tier] ?? null)}
              </span>
              <SrOnly>{tierWords(tr, y, tier)}</SrOnly>
            </td>
          ))}
        </tr>
      ))}
      {hasRangeOnly(years) && (
        <tr>
          {header(segmentStyle('range'), tr('detailsCompareRange'))}
          {years.map((y) => (
            <td key={y.year} className={now(y)}>
              <span className="dp-cmp-fig" aria-hidden="true">
                {y.rangeOnly}
              </span>
              <SrOnly>{tr('detailsCompareRangeCell', { n: y.rangeOnly, units: y.units })}</SrOnly>
            </td>
          ))}
        </tr>
      )}
      <tr>
        {header(segmentStyle('unknown'), tr('detailsCompareUnknown'))}
        {years.map((y) => (
          <td key={y.year} className={now(y)}>
            <span className="dp-cmp-fig" aria-hidden="true">
              {y.unknown}
            </span>
            <SrOnly>{tr('detailsCompareUnknownCell', { n: y.unknown, units: y.units })}</SrOnly>
          </td>
        ))}
      </tr>
    </tbody>
  );
}

// ---------------------------------------------------------------------------------------------
// The table

export function ComparisonTable({
  comparison,
  areaName,
  areaNames,
  tr,
  lang,
  onSelect,
}: {
  comparison: UnitComparison;
  /** The unit's area in the UI language. */
  areaName: string;
  /** Every area's name in the UI language, for neighbours in another area. */
  areaNames: ReadonlyMap<string, string>;
  tr: Translate;
  lang: Lang;
  onSelect: (code: UnitCode) => void;
}) {
  const { unit, neighbours, area, province, year } = comparison;
  const years = unit.cells.map((c) => c.year);
  return (
    <div className="dp-compare">
      <table className="dp-cmp">
        <caption>
          <SrOnly>{tr('detailsCompareCaptionUnit', { name: shortName(unit.unit, lang) })}</SrOnly>
          {tr('detailsCompareCaption', { area: areaName })}
          <span className="dp-cmp-key">{tr('detailsCompareKey')}</span>
        </caption>
        <colgroup>
          <col className="dp-cmp-namecol" />
          {years.map((y) => (
            <col key={y} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th scope="col">
              <SrOnly>{tr('detailsCompareUnitCol')}</SrOnly>
            </th>
            {years.map((y) => (
              <th key={y} scope="col" className={y === year ? 'dp-cmp-now' : undefined}>
                {y}
                {y === year && <SrOnly>{tr('detailsCompareShown')}</SrOnly>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <UnitRow row={unit} self year={year} areaNames={areaNames} tr={tr} lang={lang} onSelect={onSelect} />
        </tbody>
        <tbody className="dp-cmp-neighbours">
          <tr>
            <th scope="rowgroup" colSpan={years.length + 1} className="dp-cmp-group">
              {neighbours.length > 0 ? tr('detailsCompareNeighbours', { year }) : tr('detailsNoNeighbours', { year })}
            </th>
          </tr>
          {neighbours.map((n) => (
            <UnitRow
              key={n.unit.code}
              row={n}
              self={false}
              year={year}
              areaNames={areaNames}
              tr={tr}
              lang={lang}
              onSelect={onSelect}
            />
          ))}
        </tbody>
        {area.length > 0 && <ScopeRows name={areaName} years={area} year={year} tr={tr} />}
        <ScopeRows name={tr('detailsCompareProvince')} years={province} year={year} tr={tr} />
      </table>
    </div>
  );
}
