/**
 * The legend of change and trajectory modes: one entry per draw key with its count this year.
 * Pointing at an entry (mouse or keyboard focus) highlights its units, as in tier mode.
 */
import type { CSSProperties } from 'react';
import { CHANGE_COLORS, TRAJECTORY_COLORS, UNKNOWN_GROUND, UNKNOWN_STRIPE } from '../../domain/palette';
import { CHANGE_CLASSES } from '../../domain/transitions';
import { YEARS } from '../../domain/types';
import type { LegendKey } from '../../domain/unit-state';
import { baseYearOf, selectDrawStates } from '../../store/selectors';
import { useAppStore, useAppStoreApi } from '../../store/use-app-store';
import type { MessageKey } from '../../i18n/i18n';
import { ImportedLegendEntry } from './imported-legend-entry';
import { legendHighlightProps } from './legend-highlight';
import { useT } from '../../i18n/use-t';

type Swatch = { color: string } | { hatch: 'up' | 'down' | 'cross' };

const hatchStyle = (direction: 'up' | 'down' | 'cross'): CSSProperties => {
  const line = (angle: number) =>
    `repeating-linear-gradient(${angle}deg, ${UNKNOWN_GROUND} 0 5px, ${UNKNOWN_STRIPE} 5px 7px)`;
  return { background: direction === 'cross' ? `${line(45)}, ${line(-45)}` : line(direction === 'up' ? -45 : 45) };
};

const CHANGE_SWATCH: Record<string, Swatch> = {
  ...Object.fromEntries(Object.entries(CHANGE_COLORS).map(([k, color]) => [`change:${k}`, { color }])),
  'change:unknown-base': { hatch: 'up' },
  'change:unknown-current': { hatch: 'down' },
  'change:unknown-both': { hatch: 'cross' },
};
const TRAJECTORY_SWATCH: Record<string, Swatch> = {
  ...Object.fromEntries(Object.entries(TRAJECTORY_COLORS).map(([k, color]) => [`traj:${k}`, { color }])),
  'traj:unknown': { hatch: 'up' },
};
const TRAJECTORY_KEYS = [...YEARS.map((y) => `traj:${y}`), 'traj:never', 'traj:unknown'];

export function ModeLegend() {
  const tr = useT();
  const store = useAppStoreApi();
  const mode = useAppStore((s) => s.mode);
  const year = useAppStore((s) => s.year);
  const base = useAppStore(baseYearOf);
  const drawStates = useAppStore(selectDrawStates);
  if (mode === 'tier' || !drawStates) return null;

  const counts = new Map<string, number>();
  for (const { key } of drawStates.values()) counts.set(key, (counts.get(key) ?? 0) + 1);
  const keys =
    mode === 'change'
      ? CHANGE_CLASSES.map((c) => `change:${c}`)
      : TRAJECTORY_KEYS.filter((k) => !/traj:\d{4}/.test(k) || Number(k.slice(5)) <= year);
  const swatches = mode === 'change' ? CHANGE_SWATCH : TRAJECTORY_SWATCH;

  return (
    <section className="legend" aria-labelledby="mode-legend-title">
      <h2 id="mode-legend-title">
        {mode === 'change' ? tr('changeTitle', { base, year }) : tr('trajTitle', { year })}
      </h2>
      <ul>
        {keys.map((key) => {
          const swatch = swatches[key];
          return (
            <li key={key} data-state={key} {...legendHighlightProps(store, key as LegendKey)}>
              <span
                className="swatch"
                style={swatch && 'color' in swatch ? { background: swatch.color } : hatchStyle(swatch?.hatch ?? 'up')}
                aria-hidden="true"
              />
              <span className="legend-label">{tr(key as MessageKey, { base })}</span>
              <span className="legend-count">{tr('legendCount', { n: counts.get(key) ?? 0 })}</span>
            </li>
          );
        })}
        <ImportedLegendEntry />
      </ul>
      <p className="legend-note">
        {mode === 'change' ? (year === YEARS[0] ? tr('changeFirstYear') : tr('changeNote')) : tr('trajOpen')}
      </p>
    </section>
  );
}
