/**
 * The import preview: what the input would change, before anything is applied. First, at a
 * glance, the year(s) the names were read under and how many names each tier has (and how many
 * of them matched a unit); then the counts,
 * then the names that need the user (not matched, ambiguous), the conflicts with stated facts
 * side by side with a choice each, and the facts that are new, confirm the data or repeat. Every
 * name from the input is React text.
 */
import { useId } from 'react';
import type { ImportComparison, ImportFact, ImportPreview, MatchVia, ResolvedEntry } from '../../domain/import/types';
import type { Lang } from '../../domain/lang';
import { unitIn } from '../../domain/lineage';
import { TIERS, type Source, type Tier, type Unit, type UnitCode } from '../../domain/types';
import type { MessageKey } from '../../i18n/i18n';
import type { useT } from '../../i18n/use-t';
import './on-demand-messages';
import './import-preview.css';

type Translate = ReturnType<typeof useT>;

const VIA_KEY: Record<MatchVia, MessageKey> = {
  code: 'importViaCode',
  name: 'importViaName',
  prefixed: 'importViaPrefixed',
  short: 'importViaShort',
  renamed: 'importViaRenamed',
  context: 'importViaContext',
  chosen: 'importViaChosen',
};

/** The key a conflict is accepted by (layerFacts' acceptConflicts). */
export const conflictKey = (fact: { code: UnitCode; year: number }) => `${fact.code}@${fact.year}`;

/** "鹿泉区 (石家庄市) 130110"; in English with the English name first. */
export function unitLabel(units: readonly Unit[], code: UnitCode, year: number, lang: Lang): string {
  const unit = unitIn(units, code, year);
  if (!unit) return code;
  return lang === 'zh'
    ? `${unit.nameZh}（${unit.prefectureZh}）${code}`
    : `${unit.nameEn} ${unit.nameZh} (${unit.prefectureZh}) ${code}`;
}

/** One year of the input at a glance: names read per tier, and how many of them matched a unit. */
export interface YearGlance {
  year: number;
  names: Record<Tier, number>;
  matched: Record<Tier, number>;
}

/** The years the input's names were read under (detected from the text, or chosen), in order. */
export function previewGlance(resolved: readonly ResolvedEntry[]): YearGlance[] {
  const years = new Map<number, YearGlance>();
  for (const { entry, resolution } of resolved) {
    let row = years.get(entry.year);
    if (!row) {
      row = { year: entry.year, names: { A: 0, B: 0, C: 0 }, matched: { A: 0, B: 0, C: 0 } };
      years.set(entry.year, row);
    }
    row.names[entry.tier] += 1;
    if (resolution.kind === 'matched') row.matched[entry.tier] += 1;
  }
  return [...years.values()].sort((a, b) => a.year - b.year);
}

function Glance({ resolved, tr }: { resolved: readonly ResolvedEntry[]; tr: Translate }) {
  const rows = previewGlance(resolved);
  if (rows.length === 0) return null;
  const sum = (r: Record<Tier, number>) => TIERS.reduce((n, t) => n + r[t], 0);
  const cell = (names: number, matched: number) => (
    <>
      {tr('importGlanceNames', { n: names })}
      <span className="imp-glance-matched">{tr('importGlanceMatched', { n: matched, of: names })}</span>
    </>
  );
  return (
    <table className="imp-glance">
      <caption>{tr('importGlanceTitle')}</caption>
      <thead>
        <tr>
          <th scope="col">{tr('importGlanceYear')}</th>
          {TIERS.map((t) => (
            <th key={t} scope="col">
              {t}
            </th>
          ))}
          <th scope="col">{tr('importGlanceAll')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.year}>
            <th scope="row" className="imp-glance-year">
              {r.year}
            </th>
            {TIERS.map((t) => (
              <td key={t}>{cell(r.names[t], r.matched[t])}</td>
            ))}
            <td>{cell(sum(r.names), sum(r.matched))}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

interface PreviewProps {
  preview: ImportPreview;
  /** The entries as resolved before the user's choices, so a choice stays editable. */
  resolved: readonly ResolvedEntry[];
  units: readonly Unit[];
  sources: readonly Source[];
  lang: Lang;
  tr: Translate;
  choices: ReadonlyMap<number, UnitCode>;
  onChoose: (index: number, code: UnitCode | null) => void;
  accepted: ReadonlySet<string>;
  onAccept: (key: string, take: boolean) => void;
}

export function ImportPreviewView(props: PreviewProps) {
  const { preview, resolved, tr } = props;
  const count = (kind: 'matched' | 'ambiguous' | 'unmatched') =>
    preview.resolved.filter((r) => r.resolution.kind === kind).length;
  const unmatched = resolved.map((r, i) => ({ r, i })).filter(({ r }) => r.resolution.kind === 'unmatched');
  const ambiguous = resolved.map((r, i) => ({ r, i })).filter(({ r }) => r.resolution.kind === 'ambiguous');

  return (
    <div className="imp-preview">
      <Glance resolved={preview.resolved} tr={tr} />
      <p className="imp-summary" role="status">
        {tr('importSummaryNames', {
          entries: preview.resolved.length,
          matched: count('matched'),
          ambiguous: count('ambiguous'),
          unmatched: count('unmatched'),
        })}{' '}
        {tr('importSummaryFacts', {
          added: preview.newFacts.length,
          confirmed: preview.confirmations.length,
          conflicts: preview.conflicts.length,
          repeated: preview.duplicates.length,
        })}
      </p>

      {unmatched.length > 0 && (
        <section className="imp-group">
          <h4>{tr('importUnmatchedTitle', { n: unmatched.length })}</h4>
          <ul className="imp-list">
            {unmatched.map(({ r, i }) => (
              <li key={i}>
                <span className="imp-raw">{r.entry.raw}</span>{' '}
                <span className="imp-muted">
                  {tr('importLine', { line: r.entry.line, year: r.entry.year })} ·{' '}
                  {r.resolution.kind === 'unmatched' && r.resolution.suggestions.length > 0
                    ? tr('importSuggest', {
                        names: r.resolution.suggestions
                          .map((code) => unitLabel(props.units, code, r.entry.year, props.lang))
                          .join(' / '),
                      })
                    : tr('importNoSuggestion')}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {ambiguous.length > 0 && (
        <section className="imp-group">
          <h4>{tr('importAmbiguousTitle', { n: ambiguous.length })}</h4>
          <ul className="imp-list">
            {ambiguous.map(({ r, i }) => (
              <li key={i}>
                <AmbiguousChoice entry={r} index={i} {...props} />
              </li>
            ))}
          </ul>
        </section>
      )}

      {preview.conflicts.length > 0 && <Conflicts {...props} />}

      <FactTable title={tr('importNewTitle', { n: preview.newFacts.length })} facts={preview.newFacts} {...props} />
      <FactTable
        title={tr('importConfirmTitle', { n: preview.confirmations.length })}
        facts={preview.confirmations.map((c) => c.imported)}
        {...props}
      />

      {preview.duplicates.length > 0 && (
        <details className="imp-group">
          <summary>{tr('importDuplicatesTitle', { n: preview.duplicates.length })}</summary>
          <ul className="imp-list">
            {preview.duplicates.map((group, i) => (
              <li key={i}>
                {unitLabel(props.units, group[0]?.code ?? '', group[0]?.year ?? 0, props.lang)}, {group[0]?.year}:{' '}
                {group.map((f) => `${f.tier} (“${f.raw}”)`).join(', ')}
              </li>
            ))}
          </ul>
        </details>
      )}

      {preview.violations.length > 0 && (
        <section className="imp-group imp-warnings">
          <h4>{tr('importViolationsTitle', { n: preview.violations.length })}</h4>
          <ul className="imp-list">
            {preview.violations.map((v, i) => (
              <li key={i} lang="en">
                {v}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function AmbiguousChoice({
  entry,
  index,
  units,
  lang,
  tr,
  choices,
  onChoose,
}: PreviewProps & { entry: ResolvedEntry; index: number }) {
  const id = useId();
  if (entry.resolution.kind !== 'ambiguous') return null;
  return (
    <label className="imp-choice" htmlFor={id}>
      <span>{tr('importChoose', { raw: entry.entry.raw, year: entry.entry.year })}</span>
      <select id={id} value={choices.get(index) ?? ''} onChange={(e) => onChoose(index, e.currentTarget.value || null)}>
        <option value="">{tr('importChooseNone')}</option>
        {entry.resolution.candidates.map((code) => (
          <option key={code} value={code}>
            {unitLabel(units, code, entry.entry.year, lang)}
          </option>
        ))}
      </select>
    </label>
  );
}

function Conflicts({ preview, units, sources, lang, tr, accepted, onAccept }: PreviewProps) {
  const sourceTitle = (id: string) => sources.find((s) => s.sourceId === id)?.title ?? id;
  return (
    <section className="imp-group imp-conflicts">
      <h4>{tr('importConflictTitle', { n: preview.conflicts.length })}</h4>
      <p className="imp-muted">{tr('importConflictIntro')}</p>
      {preview.conflicts.map((c: ImportComparison) => {
        const key = conflictKey(c.imported);
        const take = accepted.has(key);
        return (
          <fieldset key={key} className="imp-conflict" data-take={take ? 'imported' : 'stated'}>
            <legend>
              {tr('importConflictLegend', {
                unit: unitLabel(units, c.imported.code, c.imported.year, lang),
                year: c.imported.year,
              })}
            </legend>
            <label className="imp-side">
              <input type="radio" name={`conflict-${key}`} checked={!take} onChange={() => onAccept(key, false)} />
              <span>
                {tr('importConflictStated', {
                  tier: `${c.existing.tier}${c.existing.basis === 'derived' ? ` (${tr('importDerived')})` : ''}`,
                  sources: c.existing.sourceIds.map(sourceTitle).join('; '),
                })}
              </span>
            </label>
            <label className="imp-side">
              <input type="radio" name={`conflict-${key}`} checked={take} onChange={() => onAccept(key, true)} />
              <span>{tr('importConflictImported', { tier: c.imported.tier, raw: c.imported.raw })}</span>
            </label>
          </fieldset>
        );
      })}
    </section>
  );
}

/** How a fact's name was matched, from the resolved entry that gave it. */
function viaOf(preview: ImportPreview, fact: ImportFact): MatchVia | null {
  for (const r of preview.resolved) {
    if (r.resolution.kind === 'matched' && r.resolution.code === fact.code && r.entry.year === fact.year) {
      return r.resolution.via;
    }
  }
  return null;
}

function FactTable({
  title,
  facts,
  preview,
  units,
  lang,
  tr,
}: PreviewProps & {
  title: string;
  facts: readonly ImportFact[];
}) {
  if (facts.length === 0) return null;
  return (
    <details className="imp-group">
      <summary>{title}</summary>
      <div className="imp-table-wrap">
        <table className="imp-table">
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{tr('importColUnit')}</th>
              <th scope="col">{tr('importColYear')}</th>
              <th scope="col">{tr('importColTier')}</th>
              <th scope="col">{tr('importColRank')}</th>
              <th scope="col">{tr('importColRead')}</th>
              <th scope="col">{tr('importColMatch')}</th>
            </tr>
          </thead>
          <tbody>
            {facts.map((f) => {
              const via = viaOf(preview, f);
              return (
                <tr key={conflictKey(f)}>
                  <th scope="row">{unitLabel(units, f.code, f.year, lang)}</th>
                  <td>{f.year}</td>
                  <td>{f.tier}</td>
                  <td>{f.rank === null ? '–' : `${f.rank}/${f.rankOf ?? '?'}`}</td>
                  <td className="imp-raw">{f.raw}</td>
                  <td>{via === null ? '' : tr(VIA_KEY[via])}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </details>
  );
}
