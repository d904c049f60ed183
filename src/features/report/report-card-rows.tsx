/**
 * The card's rows of a scope (the area or the province) against the unit: its units, and per
 * tier, partly known and unknown the count in each year (known / official).
 */
import type { ReactNode } from 'react';
import { TIERS, type Tier } from '../../domain/types';
import { hasRangeOnly, type ScopeYear } from '../../domain/unit-comparison';
import { segmentStyle } from '../../components/swatch-style';
import { tierWords } from '../../i18n';
import { officialFigure } from '../../domain/summary-rows';
import type { Translate } from './report-card-words';
import './on-demand-messages';

/** "7/13" (known / official; ≥ a minimum, ? none stated, * worked out), and the same in words for a screen reader. */
function TierCell({ y, tier, tr }: { y: ScopeYear; tier: Tier; tr: Translate }) {
  const count = y.official?.[tier] ?? null;
  return (
    <>
      <span aria-hidden="true">
        {y.known[tier]}/{officialFigure(count)}
        {count !== null && y.officialDerived ? '*' : ''}
      </span>
      <span className="rc-sr">{tierWords(tr, y, tier)}</span>
    </>
  );
}

export function ScopeRows({ name, years, tr }: { name: string; years: readonly ScopeYear[]; tr: Translate }) {
  const row = (label: ReactNode, cell: (y: ScopeYear) => ReactNode, key: string) => (
    <tr key={key}>
      <th scope="row" className="rc-cmp-sub">
        {label}
      </th>
      {years.map((y) => (
        <td key={y.year}>{cell(y)}</td>
      ))}
    </tr>
  );
  const swatchOf = (key: Tier | 'range' | 'unknown') => (
    <span className="rc-swatch rc-swatch-small" style={segmentStyle(key)} aria-hidden="true" />
  );
  return (
    <tbody className="rc-cmp-scope">
      <tr>
        <th scope="row" className="rc-cmp-scope-name">
          {name} · {tr('reportCompareUnits')}
        </th>
        {years.map((y) => (
          <td key={y.year} className="rc-cmp-units">
            {y.units}
          </td>
        ))}
      </tr>
      {TIERS.map((tier) =>
        row(
          <>
            {swatchOf(tier)}
            {tier}
          </>,
          (y) => <TierCell y={y} tier={tier} tr={tr} />,
          tier,
        ),
      )}
      {hasRangeOnly(years) &&
        row(
          <>
            {swatchOf('range')}
            {tr('detailsCompareRange')}
          </>,
          (y) => y.rangeOnly,
          'range',
        )}
      {row(
        <>
          {swatchOf('unknown')}
          {tr('detailsCompareUnknown')}
        </>,
        (y) => y.unknown,
        'unknown',
      )}
    </tbody>
  );
}
