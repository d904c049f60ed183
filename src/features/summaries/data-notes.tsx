/** Where the data and the boundaries come from, and their limits. */
import { useT } from '../../i18n/use-t';

export function DataNotes() {
  const tr = useT();
  return (
    <section className="data-notes" aria-labelledby="notes-title">
      <h2 id="notes-title">{tr('notesTitle')}</h2>
      <p>{tr('notesData')}</p>
      <p>{tr('notesGeometry')}</p>
    </section>
  );
}
