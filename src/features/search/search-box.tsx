/**
 * The county search: a WAI-ARIA 1.2 combobox with a listbox popup (list autocomplete, manual
 * selection). Focus stays in the input; the active option is announced through
 * aria-activedescendant. Choosing selects the unit in the store and asks the map to fly there.
 *
 * The box is on the first screen; the search itself (index, name and pinyin matching:
 * domain/search.ts) loads on first use: when the box is pointed at, focused or typed in. Until it
 * is in, the box says it is loading (aria-busy) and keeps focus; the text typed meanwhile is
 * searched as soon as it arrives, and an Enter pressed meanwhile takes the best match then.
 */
import './search-box.css';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { Lang } from '../../domain/lang';
import type { SearchResult } from '../../domain/search';
import type { Unit } from '../../domain/types';
import { lazyModule, retryableImport } from '../../components/lazy-feature';
import { useAppStore, useAppStoreApi } from '../../store/use-app-store';
import { t } from '../../i18n/i18n';

const NO_RESULTS: SearchResult[] = [];
const searchCode = lazyModule(retryableImport(() => import('../../domain/search')));
const NO_UNITS: readonly Unit[] = [];

/** The name the input shows once a result is chosen, in the UI language. */
function chosenName(result: SearchResult, lang: Lang): string {
  return lang === 'zh' ? result.nameZh : result.nameEn;
}

function marked(text: string, result: SearchResult, field: 'zh' | 'en' | 'code'): ReactNode {
  const h = result.highlight;
  if (!h || h.field !== field || h.start < 0 || h.end <= h.start) return text;
  return (
    <>
      {text.slice(0, h.start)}
      <mark>{text.slice(h.start, h.end)}</mark>
      {text.slice(h.end)}
    </>
  );
}

function noteText(result: SearchResult, year: number, lang: Lang): string | null {
  const note = result.note;
  if (!note) return null;
  const span =
    note.validTo === null
      ? t(lang, 'searchSince', { from: note.validFrom })
      : t(lang, 'searchSpan', { from: note.validFrom, to: note.validTo });
  const names = note.counterparts
    .map((c) => (lang === 'zh' ? c.nameZh : `${c.nameEn} (${c.nameZh})`))
    .join(t(lang, 'searchNamesSep'));
  if (names === '') return span;
  const key = note.kind === 'later' ? 'searchThen' : note.counterparts.length > 1 ? 'searchNowSplit' : 'searchNow';
  return span + t(lang, 'searchNoteSep') + t(lang, key, { names, year });
}

function Option({
  id,
  result,
  active,
  lang,
  year,
  onChoose,
}: {
  id: string;
  result: SearchResult;
  active: boolean;
  lang: Lang;
  year: number;
  onChoose: (result: SearchResult) => void;
}) {
  // 定州 and 辛集 are their own areas: "定州市 · 定州市" would read as a mistake.
  const ownArea = result.prefectureCode === result.unitCode;
  const area = ownArea ? null : lang === 'zh' ? result.prefectureZh : (result.prefectureEn ?? result.prefectureZh);
  const note = noteText(result, year, lang);
  const name = lang === 'zh' ? result.nameZh : `${result.nameEn} ${result.nameZh}`;
  // The spans below would run together in the computed name ("桥西区张家口市"); say it in parts.
  const label = [name, area === null ? result.unitCode : `${area} ${result.unitCode}`, note]
    .filter((part) => part !== null)
    .join(lang === 'zh' ? '，' : ', ');
  return (
    <li
      id={id}
      role="option"
      aria-selected={active}
      aria-label={label}
      className="search-option"
      // Keeps focus in the input, so the click below is not preceded by a blur that closes the list.
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => onChoose(result)}
    >
      <span className="search-option-name">
        {lang === 'zh' ? (
          marked(result.nameZh, result, 'zh')
        ) : (
          <>
            {marked(result.nameEn, result, 'en')}{' '}
            <span lang="zh-Hans" className="search-option-zh">
              {marked(result.nameZh, result, 'zh')}
            </span>
          </>
        )}
      </span>
      <span className="search-option-meta">
        {area !== null && <>{area} · </>}
        <span className="search-option-code">{marked(result.unitCode, result, 'code')}</span>
      </span>
      {note !== null && <span className="search-option-note">{note}</span>}
    </li>
  );
}

export function SearchBox() {
  const store = useAppStoreApi();
  const data = useAppStore((s) => s.data);
  const year = useAppStore((s) => s.year);
  const lang = useAppStore((s) => s.lang);
  const baseId = useId();
  const inputId = `${baseId}-input`;
  const listId = `${baseId}-list`;
  const optionId = (i: number) => `${baseId}-option-${i}`;

  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);

  const ready = data.status === 'ready';
  const units = ready ? data.dataset.units : NO_UNITS;
  const codeStatus = searchCode.useStatus();
  const engine = codeStatus === 'ready' ? searchCode.get() : null;
  // Built only while there is something to search for: a year change (playback) with an empty
  // box then costs nothing (at all-China scale the index took ~70 ms per year).
  const searching = query.trim() !== '';
  const index = useMemo(
    () => (engine && searching ? engine.buildSearchIndex(units, year) : null),
    [engine, units, year, searching],
  );
  const results = useMemo(
    () => (engine && index ? engine.searchUnits(index, query) : NO_RESULTS),
    [engine, index, query],
  );
  const pendingEnter = useRef<string | null>(null);
  const waiting = searching && ready && engine === null;

  // The year or the data can change under an open list; an out-of-range index means "none".
  const activeIndex = active < results.length ? active : -1;
  const expanded = open && results.length > 0;
  const activeId = expanded && activeIndex >= 0 ? optionId(activeIndex) : undefined;

  useEffect(() => {
    if (activeId === undefined) return;
    document.getElementById(activeId)?.scrollIntoView({ block: 'nearest' });
  }, [activeId]);

  const choose = (result: SearchResult) => {
    store.getState().select(result.code, { fly: true });
    setQuery(chosenName(result, lang));
    setOpen(false);
    setActive(-1);
    pendingEnter.current = null;
  };

  // An Enter pressed while the search code loads: the best match for what was typed then, once
  // the code is in, unless the text changed (or Escape) meanwhile.
  const chooseWhenLoaded = (asked: string) => {
    pendingEnter.current = asked;
    void searchCode.load().then(
      (engine) => {
        const state = store.getState();
        if (pendingEnter.current !== asked || state.data.status !== 'ready') return;
        pendingEnter.current = null;
        const best = engine.searchUnits(engine.buildSearchIndex(state.data.dataset.units, state.year), asked)[0];
        if (best) choose(best);
      },
      // The status line says the load failed; typing again tries again.
      () => undefined,
    );
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const n = results.length;
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!open) {
          setOpen(true);
          if (!e.altKey && n > 0) setActive(0);
        } else if (n > 0) {
          setActive(activeIndex < 0 || activeIndex >= n - 1 ? 0 : activeIndex + 1);
        }
        break;
      case 'ArrowUp':
        e.preventDefault();
        if (!open) setOpen(true);
        if (n > 0) setActive(activeIndex <= 0 ? n - 1 : activeIndex - 1);
        break;
      case 'Enter': {
        // With nothing highlighted, Enter takes the best match: the quickest way to a county.
        const result = expanded ? (results[activeIndex] ?? results[0]) : undefined;
        if (result) {
          e.preventDefault();
          choose(result);
        } else if (waiting) {
          e.preventDefault();
          chooseWhenLoaded(query);
        }
        break;
      }
      case 'Escape':
        e.preventDefault();
        pendingEnter.current = null;
        if (expanded) setOpen(false);
        else setQuery('');
        setActive(-1);
        break;
      case 'Tab':
        setOpen(false);
        break;
      default:
        break;
    }
  };

  const trimmed = query.trim();
  const status =
    trimmed === ''
      ? ''
      : !ready
        ? t(lang, 'searchUnavailable')
        : codeStatus === 'failed'
          ? t(lang, 'searchLoadFailed')
          : engine === null
            ? t(lang, 'featureLoading')
            : results.length === 0
              ? t(lang, 'searchNoResults')
              : results.length === 1
                ? t(lang, 'searchResultsOne')
                : t(lang, 'searchResults', { n: results.length });

  return (
    <div className="search-box">
      <label htmlFor={inputId} className="visually-hidden">
        {t(lang, 'searchLabel')}
      </label>
      <input
        id={inputId}
        type="text"
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={activeId}
        aria-autocomplete="list"
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
        enterKeyHint="search"
        placeholder={t(lang, 'searchPlaceholder')}
        aria-busy={waiting && codeStatus !== 'failed'}
        value={query}
        onPointerEnter={searchCode.preload}
        onFocus={searchCode.preload}
        onChange={(e) => {
          // Also after a failed load: typing again tries again.
          searchCode.preload();
          setQuery(e.target.value);
          pendingEnter.current = null;
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        onClick={() => setOpen(true)}
      />
      <ul id={listId} role="listbox" aria-label={t(lang, 'searchLabel')} className="search-list" hidden={!expanded}>
        {expanded &&
          results.map((result, i) => (
            <Option
              key={result.id}
              id={optionId(i)}
              result={result}
              active={i === activeIndex}
              lang={lang}
              year={year}
              onChoose={choose}
            />
          ))}
      </ul>
      {open && trimmed !== '' && results.length === 0 && (
        // Sighted users see what the live region announces; hidden from AT to avoid a double reading.
        <p className="search-empty" aria-hidden="true">
          {status}
        </p>
      )}
      <div role="status" className="visually-hidden">
        {open ? status : ''}
      </div>
    </div>
  );
}
