/**
 * The words and small marks every section of the details panel shares: the state swatch and
 * label, tier lists, year spans, ranks, ranges, indicators and totals in words, and the note,
 * citation and imported marks that follow each fact. Kept in one place so a fact reads the same
 * in the "In <year>" block as in the full lists below it.
 */
import type { Lang } from '../../domain/lang';
import { noteIn } from '../../domain/dataset/notes';
import { isImportSourceId } from '../../domain/import/types';
import {
  TIERS,
  type Confidence,
  type Indicator,
  type Tier,
  type TierFact,
  type TierRange,
  type Total,
  type Unit,
} from '../../domain/types';
import type { SourceRef, TierPosition } from '../../domain/unit-details';
import type { UnitState } from '../../domain/unit-state';
import type { MessageKey } from '../../i18n/i18n';
import { useAppStore } from '../../store/use-app-store';
import { swatchStyle } from '../../components/swatch-style';
import type { useT } from '../../i18n/use-t';

export type Translate = ReturnType<typeof useT>;

// ---------------------------------------------------------------------------------------------
// Swatches and labels (the same look as the map and the legend)

export function Swatch({ state }: { state: UnitState | null }) {
  return (
    <span
      className={state === null ? 'dp-swatch dp-swatch-none' : 'dp-swatch'}
      style={swatchStyle(state)}
      aria-hidden="true"
    />
  );
}

/** A unit's name in the UI language: zh the Chinese name; en the English name with the Chinese. */
export function unitName(unit: Unit, lang: Lang): string {
  return lang === 'zh' ? unit.nameZh : `${unit.nameEn} ${unit.nameZh}`;
}

export const CONFIDENCE: Record<Confidence, MessageKey> = {
  high: 'detailsConfidenceHigh',
  medium: 'detailsConfidenceMedium',
  low: 'detailsConfidenceLow',
};

const INDICATOR_NAMES: Partial<Record<string, MessageKey>> = {
  reward_cny: 'detailsIndicatorRewardCny',
  rank_change: 'detailsIndicatorRankChange',
  rank_gain_vs_best: 'detailsIndicatorRankGainVsBest',
  rank: 'detailsIndicatorRank',
  high_tech_enterprises: 'detailsIndicatorHighTechEnterprises',
  tech_smes: 'detailsIndicatorTechSmes',
  little_giant_firms: 'detailsIndicatorLittleGiantFirms',
  rd_investment_cny: 'detailsIndicatorRdInvestmentCny',
  rd_intensity: 'detailsIndicatorRdIntensity',
  technology_transaction_cny: 'detailsIndicatorTechnologyTransactionCny',
  provincial_rd_centres: 'detailsIndicatorProvincialRdCentres',
  startup_service_institutions: 'detailsIndicatorStartupServiceInstitutions',
  agri_innovation_stations: 'detailsIndicatorAgriInnovationStations',
  new_high_tech_enterprises: 'detailsIndicatorNewHighTechEnterprises',
  new_tech_smes: 'detailsIndicatorNewTechSmes',
  new_a_grade_rd_institutions: 'detailsIndicatorNewAGradeRdInstitutions',
  municipal_county_fund_cny: 'detailsIndicatorMunicipalCountyFundCny',
};

const INDICATOR_UNITS: Partial<Record<string, MessageKey>> = {
  CNY: 'detailsIndicatorUnitCny',
  firms: 'detailsIndicatorUnitFirms',
  places: 'detailsIndicatorUnitPlaces',
  '%': 'detailsIndicatorUnitPercent',
  units: 'detailsIndicatorUnitUnits',
  unit: 'detailsIndicatorUnitUnit',
  'rank of 168': 'detailsIndicatorUnitRankOf168',
  'rank of 167': 'detailsIndicatorUnitRankOf167',
  'rank among cities': 'detailsIndicatorUnitRankAmongCities',
  centres: 'detailsIndicatorUnitCentres',
  institutions: 'detailsIndicatorUnitInstitutions',
  stations: 'detailsIndicatorUnitStations',
};

// ---------------------------------------------------------------------------------------------
// Small pieces

export function Cites({ sources, tr }: { sources: readonly SourceRef[]; tr: Translate }) {
  if (sources.length === 0) return null;
  return (
    <span className="dp-cites">{tr('detailsCites', { ids: sources.map((s) => s.id).join(tr('detailsListSep')) })}</span>
  );
}

/**
 * A fact's note in the UI language: the Chinese note (note_zh) in Chinese, the English note in
 * English. An imported fact's note carries the user's own title and text, as written.
 */
export function Note({ text, textZh, derived, tr }: { text: string; textZh: string; derived: boolean; tr: Translate }) {
  const lang = useAppStore((s) => s.lang);
  const shown = noteIn(lang, text, textZh);
  if (shown.text === '') return null;
  return (
    <p className="dp-note">
      <span className="dp-note-label">
        {tr(derived ? 'detailsBasisLabel' : 'detailsNoteLabel')}
        {tr('detailsLabelSep')}
      </span>
      <span lang={shown.lang}>{shown.text}</span>
    </p>
  );
}

/**
 * The mark of an imported fact: a badge and the title of the source the user named for it
 * (user text, rendered as text). Nothing for the project's own facts.
 */
export function ImportedMark({ fact, sources, tr }: { fact: TierFact; sources: readonly SourceRef[]; tr: Translate }) {
  if (fact.imported !== true) return null;
  const title = sources.find((s) => s.source !== null && isImportSourceId(s.id))?.source?.title ?? '';
  return (
    <>
      {' '}
      <span className="import-badge">{tr('importBadge')}</span>
      {title !== '' && <span className="dp-imported-from"> {tr('importBadgeFrom', { title })}</span>}
    </>
  );
}

export function rankText(
  tr: Translate,
  rank: number | null,
  rankOf: number | null,
  position: TierPosition | null,
): string | null {
  if (rank === null || rankOf === null) return null;
  const overall = tr('detailsRank', { rank, rankOf });
  return position ? `${overall} · ${tr('detailsPosition', { ...position })}` : overall;
}

export function rangeText(tr: Translate, range: TierRange): string {
  const params = { from: range.fromTier ?? '', to: range.toTier ?? '', yearFrom: range.yearFrom, yearTo: range.yearTo };
  if (range.fromTier === null && range.toTier === null) return tr('detailsRangeNoTiers', params);
  if (range.fromTier === null) return tr('detailsRangeToOnly', params);
  if (range.toTier === null) return tr('detailsRangeFromOnly', params);
  if (range.fromTier === range.toTier) return tr('detailsRangeHeld', params);
  return tr('detailsRangeMove', params);
}

export function indicatorText(tr: Translate, lang: Lang, indicator: Indicator): string {
  const nameKey = INDICATOR_NAMES[indicator.indicator];
  const unitKey = INDICATOR_UNITS[indicator.unit];
  const value = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en').format(indicator.value);
  const name = nameKey ? tr(nameKey) : indicator.indicator;
  return `${name}${tr('detailsLabelSep')}${tr('detailsIndicatorValue', { value, unit: unitKey ? tr(unitKey) : indicator.unit })}`;
}

export function totalText(tr: Translate, total: Total, areaName: string): string {
  const parts: string[] = [];
  if (total.units !== null) parts.push(tr('detailsTotalsUnits', { n: total.units }));
  const missing: Tier[] = [];
  for (const tier of TIERS) {
    const exact = total.counts[tier];
    const min = total.minimums[tier];
    if (exact !== null) parts.push(tr('detailsTotalsExact', { tier, n: exact }));
    else if (min !== null) parts.push(tr('detailsTotalsMin', { tier, n: min }));
    else missing.push(tier);
  }
  if (missing.length > 0) parts.push(tr('detailsTotalsNotStated', { tiers: missing.join(tr('detailsTierListSep')) }));
  if (total.avgScore !== null) parts.push(tr('detailsTotalsAvg', { n: total.avgScore }));
  if (total.tierChanges !== null) parts.push(tr('detailsTotalsRises', { n: total.tierChanges }));
  const scope = total.scope === 'province' ? tr('detailsTotalsProvince') : areaName;
  return `${total.year} · ${scope}${tr('detailsLabelSep')}${parts.join(' · ')}`;
}
