/**
 * Switches the UI between Chinese and English. The button shows the other language in that
 * language (a reader looks for their own language's name), marked with its `lang` so screen
 * readers pronounce it right; a visually hidden prefix says what pressing it does.
 */
import { useAppStore } from '../../store/use-app-store';
import '../../components/button.css';
import './share.css';
import { useT } from '../../i18n/use-t';

export function LanguageSwitch() {
  const tr = useT();
  const lang = useAppStore((s) => s.lang);
  const setLang = useAppStore((s) => s.setLang);
  const other = lang === 'zh' ? 'en' : 'zh';
  return (
    <button type="button" className="btn share-control" onClick={() => setLang(other)}>
      <span className="sr-only">{tr('langSwitchPrefix')}</span>
      <span lang={other === 'zh' ? 'zh-Hans' : 'en'}>{tr(other === 'zh' ? 'langNameZh' : 'langNameEn')}</span>
    </button>
  );
}
