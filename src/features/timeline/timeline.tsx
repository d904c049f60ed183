/**
 * The timeline: a year slider (a native range input, so arrows, Home/End and PageUp/PageDown
 * work as everywhere), Play/Pause, and a live region that says what changed: from the same base
 * year as the change legend, the Sankey and the matrix (selectYearChange), which it names and
 * says whether it is the default. The pace of playback is kept outside React, by the controller
 * in src/app/bind-playback.ts.
 */
import { useId } from 'react';
import { FIRST_YEAR, LAST_YEAR, TIERS, YEARS } from '../../domain/types';
import { baseYearOf, selectBaseIsDefault, selectYearChange, selectYearCounts } from '../../store/selectors';
import { useAppStore, useAppStoreApi } from '../../store/use-app-store';
import './timeline.css';
import { useT } from '../../i18n';

export function Timeline() {
  const tr = useT();
  const store = useAppStoreApi();
  const year = useAppStore((s) => s.year);
  const playing = useAppStore((s) => s.playing);
  const ready = useAppStore((s) => s.data.status === 'ready');
  const change = useAppStore(selectYearChange);
  const counts = useAppStore(selectYearCounts);
  const base = useAppStore(baseYearOf);
  const isDefault = useAppStore(selectBaseIsDefault);
  const ticks = useId();

  const known = counts ? TIERS.reduce((n, t) => n + counts.stated[t] + counts.derived[t], 0) : 0;
  const summary = !counts
    ? ''
    : change
      ? tr(isDefault ? 'changeSummary' : 'changeSummaryChosen', {
          year,
          base,
          known: change.up + change.down + change.same,
          up: change.up,
          down: change.down,
          same: change.same,
          other: change.notComparable,
          total: change.total,
        })
      : tr('changeFirstYear', { year, known, total: counts.total });

  return (
    <section className="timeline" aria-label={tr('timelineLabel')}>
      <button
        type="button"
        className="play-button"
        onClick={() => (playing ? store.getState().pause() : store.getState().play())}
        disabled={!ready}
        title={tr('playHint')}
      >
        <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span> {playing ? tr('pause') : tr('play')}
      </button>
      <div className="year-control">
        <input
          type="range"
          aria-label={tr('yearSlider')}
          min={FIRST_YEAR}
          max={LAST_YEAR}
          step={1}
          value={year}
          list={ticks}
          onChange={(e) => store.getState().setYear(Number(e.target.value))}
        />
        <datalist id={ticks}>
          {YEARS.map((y) => (
            <option key={y} value={y} />
          ))}
        </datalist>
        <div className="year-ticks" aria-hidden="true">
          {YEARS.map((y) => (
            <span key={y} className={y === year ? 'current' : undefined}>
              {y}
            </span>
          ))}
        </div>
      </div>
      <output className="year-now" aria-hidden="true">
        {year}
      </output>
      <p className="year-summary" aria-live="polite">
        {summary}
      </p>
    </section>
  );
}
