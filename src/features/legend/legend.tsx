/**
 * The legend: one entry per drawn state with its count this year, next to the official total
 * where a source gives one, so the reader sees how complete the map is.
 */
import { DERIVED_OUTLINE, TIER_COLORS, stripeColors } from '../../domain/palette';
import { TIERS, type Tier } from '../../domain/types';
import { selectProvinceTotal, selectYearCounts } from '../../store/selectors';
import type { LegendKey } from '../../domain/unit-state';
import { useAppStore, useAppStoreApi } from '../../store/use-app-store';
import { ImportedLegendEntry } from './imported-legend-entry';
import { legendHighlightProps } from './legend-highlight';
import { useT } from '../../i18n/use-t';
import { stripes } from '../../components/swatch-style';

const TIER_LABEL = { A: 'legendTierA', B: 'legendTierB', C: 'legendTierC' } as const;

export function Legend() {
  const tr = useT();
  const store = useAppStoreApi();
  const year = useAppStore((s) => s.year);
  const counts = useAppStore(selectYearCounts);
  const total = useAppStore(selectProvinceTotal);
  const mode = useAppStore((s) => s.mode);
  // The other modes have their own legend (mode-legend.tsx).
  if (!counts || mode !== 'tier') return null;

  const official = (tier: Tier) => {
    const exact = total?.counts[tier];
    if (exact !== null && exact !== undefined) return tr('legendOfficial', { n: exact });
    const min = total?.minimums[tier];
    if (min !== null && min !== undefined) return tr('legendOfficialMin', { n: min });
    return null;
  };
  // Pointing at an entry (mouse or keyboard focus) highlights its units on the map.
  const highlightOn = (key: LegendKey) => legendHighlightProps(store, key);
  const known = TIERS.reduce((n, tier) => n + counts.stated[tier] + counts.derived[tier], 0);

  return (
    <section className="legend" aria-labelledby="legend-title">
      <h2 id="legend-title">{tr('legendTitle', { year })}</h2>
      <ul>
        {TIERS.map((tier) => {
          const officialText = official(tier);
          return (
            <li key={tier} data-state={tier} {...highlightOn(tier)}>
              <span className="swatch" style={{ background: TIER_COLORS[tier] }} aria-hidden="true" />
              <span className="legend-label">{tr(TIER_LABEL[tier])}</span>
              <span className="legend-count">
                {tr('legendKnown', { n: counts.stated[tier] + counts.derived[tier] })}
                {counts.derived[tier] > 0 && (
                  <> ({tr('legendStatedDerived', { stated: counts.stated[tier], derived: counts.derived[tier] })})</>
                )}
                {officialText && <> · {officialText}</>}
              </span>
            </li>
          );
        })}
        <li data-state="derived" {...highlightOn('derived')}>
          <span
            className="swatch"
            style={{ background: TIER_COLORS.B, outline: `2px dotted ${DERIVED_OUTLINE}`, outlineOffset: '-2px' }}
            aria-hidden="true"
          />
          <span className="legend-label">{tr('legendDerived')}</span>
        </li>
        <li data-state="range" {...highlightOn('range')}>
          <span className="swatch" style={stripes(stripeColors(['B', 'C']))} aria-hidden="true" />
          <span className="legend-label">{tr('legendRange')}</span>
          <span className="legend-count">{counts.range}</span>
        </li>
        <li data-state="unknown" {...highlightOn('unknown')}>
          <span className="swatch" style={stripes(stripeColors(null))} aria-hidden="true" />
          <span className="legend-label">{tr('legendUnknown')}</span>
          <span className="legend-count">{counts.unknown}</span>
        </li>
        <ImportedLegendEntry />
      </ul>
      <p className="coverage">{tr('coverage', { year, known, total: counts.total })}</p>
    </section>
  );
}
