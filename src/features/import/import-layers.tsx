/**
 * The import dialog's list of applied imports, each with Remove. The heading takes focus after
 * an Apply (the dialog's) and after removing the last row; removing a row moves focus to a
 * neighbour's Remove, since the focused button goes with its row.
 */
import { useRef, type RefObject } from 'react';
import type { ImportLayer } from '../../domain/import';
import { useT } from '../../i18n/use-t';
import './on-demand-messages';

interface ImportLayersProps {
  /** The dialog's id prefix (useId), shared by the sections. */
  ids: string;
  imports: readonly ImportLayer[];
  /** The list's heading, focusable from the dialog. */
  headingRef: RefObject<HTMLHeadingElement | null>;
  /** Removes the layer (store, notice, status line). */
  onRemove: (layer: ImportLayer) => void;
}

export function ImportLayers({ ids, imports, headingRef, onRemove }: ImportLayersProps) {
  const tr = useT();
  const listRef = useRef<HTMLUListElement>(null);

  const remove = (layer: ImportLayer, index: number) => {
    onRemove(layer);
    // The row is still there until the next render: its neighbours are at index ± 1.
    const buttons = listRef.current?.querySelectorAll<HTMLButtonElement>('.imp-remove');
    const next = buttons?.[index + 1] ?? buttons?.[index - 1];
    (next ?? headingRef.current)?.focus();
  };

  return (
    <section className="imp-section" aria-labelledby={`${ids}-layers`}>
      <h3 id={`${ids}-layers`} ref={headingRef} tabIndex={-1}>
        {tr('importLayersTitle')}
      </h3>
      {imports.length === 0 ? (
        <p className="imp-muted">{tr('importLayersNone')}</p>
      ) : (
        <ul className="imp-layers" ref={listRef}>
          {imports.map((layer, index) => (
            <li key={layer.id}>
              <span className="imp-layer-text" id={`${ids}-layer-${layer.id}`}>
                <span className="import-badge">{tr('importBadge')}</span>{' '}
                <span className="imp-layer-title">{layer.source.title}</span>
                {layer.source.date !== '' && <> · {layer.source.date}</>} ·{' '}
                {layer.facts.length === 1
                  ? tr('importLayerFactsOne')
                  : tr('importLayerFacts', { n: layer.facts.length })}
                {layer.origin === 'link' && <> · {tr('importLayerFromLink')}</>}
              </span>
              <button
                type="button"
                className="btn imp-remove"
                aria-describedby={`${ids}-layer-${layer.id}`}
                onClick={() => remove(layer, index)}
              >
                {tr('importRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
