/**
 * The banner for data received in a shared link (`#imp=…`): says that the map shows imported
 * data that is not the project's, from which sources, and lets the user keep it (it then stays
 * in this browser like their own imports, unless that would pass the most layers the browser
 * keeps) or discard it. Shown while any layer came from a link.
 * Source titles are anyone's text: React text only. The page places it over the top of the map
 * with the notices (app.tsx), so it never pushes the map down.
 */
import { IMPORT_LIMITS } from '../../domain/import/types';
import { useAppStore } from '../../store/use-app-store';
import '../../components/button.css';
import './import-dialog.css';
import { IMPORT_BUTTON_ID } from './import-button';
import { useT } from '../../i18n/use-t';

export function ImportBanner() {
  const tr = useT();
  const imports = useAppStore((s) => s.imports);
  const keep = useAppStore((s) => s.keepLinkImports);
  const discard = useAppStore((s) => s.discardLinkImports);
  const notify = useAppStore((s) => s.notify);
  const linked = imports.filter((l) => l.origin === 'link');
  if (linked.length === 0) return null;

  const facts = linked.reduce((n, l) => n + l.facts.length, 0);
  const sources = linked.map((l) => `“${l.source.title}”`).join(tr('detailsListSep'));
  const done = (action: () => void, message: Parameters<typeof tr>[0]) => {
    action();
    notify('info', tr(message));
    // The banner and its buttons go: focus moves to where imports are listed.
    document.getElementById(IMPORT_BUTTON_ID)?.focus();
  };

  // Kept, the link's layers join the user's own: together they may not pass the most the
  // browser keeps (layers read back past it would be dropped). The banner stays, and says so.
  const onKeep = () => {
    const own = imports.length - linked.length;
    if (own + linked.length > IMPORT_LIMITS.maxLayers) {
      notify('warning', tr('importKeepTooMany', { n: linked.length, max: IMPORT_LIMITS.maxLayers }));
      return;
    }
    done(keep, 'importKept');
  };

  return (
    <section className="import-banner" aria-labelledby="import-banner-title">
      <h2 id="import-banner-title">{tr('importBannerTitle')}</h2>
      <p>{tr('importBannerText', { n: facts, sources })}</p>
      <div className="import-banner-actions">
        <button type="button" className="btn imp-primary" onClick={onKeep}>
          {tr('importKeep')}
        </button>
        <button type="button" className="btn" onClick={() => done(discard, 'importDiscarded')}>
          {tr('importDiscard')}
        </button>
      </div>
    </section>
  );
}
