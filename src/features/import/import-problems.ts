/**
 * Import problems (codes with parameters, from src/domain/import) in the user's language.
 * Details quote the input: they fill a {parameter} and are rendered as text, never as HTML.
 */
import type { ImportProblem, ImportProblemCode } from '../../domain/import/types';
import type { MessageKey } from '../../i18n/i18n';
import './on-demand-messages';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const PROBLEM_KEY: Record<ImportProblemCode, MessageKey> = {
  empty: 'importProblemEmpty',
  'too-large': 'importProblemTooLarge',
  'too-many-entries': 'importProblemTooManyEntries',
  binary: 'importProblemBinary',
  'csv-malformed': 'importProblemCsvMalformed',
  'read-failed': 'importProblemReadFailed',
  'no-worker-too-large': 'importProblemNoWorkerTooLarge',
  'csv-header': 'importProblemCsvHeader',
  'bad-year': 'importProblemBadYear',
  'bad-tier': 'importProblemBadTier',
  'bad-rank': 'importProblemBadRank',
  'no-year': 'importProblemNoYear',
  'no-tier': 'importProblemNoTier',
  'decoded-gbk': 'importProblemDecodedGbk',
  'decoded-utf16': 'importProblemDecodedUtf16',
  'utf16-no-bom': 'importProblemUtf16NoBom',
  'ranks-from-order': 'importProblemRanksFromOrder',
  'field-truncated': 'importProblemFieldTruncated',
};

/** Longest quoted input shown in a message: a CSV line can be kilobytes long. */
const MAX_DETAIL_CHARS = 80;

function shorten(text: string): string {
  const chars = Array.from(text);
  return chars.length <= MAX_DETAIL_CHARS ? text : `${chars.slice(0, MAX_DETAIL_CHARS - 1).join('')}…`;
}

/**
 * One problem as a sentence. A size limit is worded in what it counts: the problem's own `unit`,
 * else `unit` (bytes of a file or characters of pasted text).
 */
export function problemText(tr: Translate, problem: ImportProblem, unit: 'bytes' | 'chars' = 'chars'): string {
  let limit = '';
  if (problem.limit !== undefined) {
    limit =
      problem.code === 'no-worker-too-large'
        ? tr('importChars', { n: problem.limit })
        : problem.code === 'too-large'
          ? (problem.unit ?? unit) === 'bytes'
            ? tr('importBytes', { kb: Math.round(problem.limit / 1024) })
            : tr('importChars', { n: problem.limit })
          : String(problem.limit);
  }
  const text = tr(PROBLEM_KEY[problem.code], { detail: shorten(problem.detail ?? ''), limit });
  return problem.line === undefined ? text : tr('importProblemAt', { line: problem.line, text });
}
