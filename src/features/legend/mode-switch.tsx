/**
 * Which question the map answers: the tier in a year, the change from a base year, or the first
 * year in A. Radio buttons (arrow keys move between them, as everywhere); in change mode, the
 * base year beside them, its default option marked "most units comparable".
 */
import { useId } from 'react';
import { baseYearOptions } from '../../domain/timeline';
import type { Year } from '../../domain/types';
import { baseYearOf, selectDefaultBase } from '../../store/selectors';
import { MODES, type Mode } from '../../domain/view';
import { useAppStore, useAppStoreApi } from '../../store/use-app-store';
import './legend.css';
import type { MessageKey } from '../../i18n/i18n';
import { useT } from '../../i18n/use-t';

const MODE_LABEL: Record<Mode, MessageKey> = { tier: 'modeTier', change: 'modeChange', trajectory: 'modeTrajectory' };

export function ModeSwitch() {
  const tr = useT();
  const store = useAppStoreApi();
  const mode = useAppStore((s) => s.mode);
  const year = useAppStore((s) => s.year);
  const base = useAppStore(baseYearOf);
  const defaultBase = useAppStore((s) => selectDefaultBase(s, s.year));
  const name = useId();
  const baseId = useId();
  const earlier = baseYearOptions(year);
  return (
    <fieldset className="mode-switch">
      <legend>{tr('modeLabel')}</legend>
      <div className="mode-options">
        {MODES.map((m) => (
          <label key={m} className={m === mode ? 'current' : undefined}>
            <input
              type="radio"
              name={name}
              value={m}
              checked={m === mode}
              onChange={() => store.getState().setMode(m)}
            />
            {tr(MODE_LABEL[m])}
          </label>
        ))}
      </div>
      {mode === 'change' && (
        <div className="mode-base">
          <label htmlFor={baseId}>{tr('modeBase')}</label>
          {earlier.length === 0 ? (
            <span id={baseId}>{tr('modeBaseNone')}</span>
          ) : (
            <select
              id={baseId}
              value={base}
              onChange={(e) => {
                const chosen = Number(e.target.value) as Year;
                // The default is stored as null: it follows the data (an import can move it).
                store.getState().setBase(chosen === defaultBase ? null : chosen);
              }}
            >
              {earlier.map((y) => (
                <option key={y} value={y}>
                  {tr(y === defaultBase ? 'modeBaseDefault' : 'modeBaseOption', { year: y })}
                </option>
              ))}
            </select>
          )}
        </div>
      )}
    </fieldset>
  );
}
