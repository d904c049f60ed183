/**
 * One-off migration: builds data/units.csv from the boundary study's units_reference.csv.
 *
 *   tsx scripts/migrate/units.ts <dir holding units_reference.csv>
 *
 * The project never reads that directory at build or run time; this script documents how
 * data/units.csv was first made. Rules (see data/README.md):
 * - one row per unit and validity span, in evaluation years; the 168 units of 2019–2020 and
 *   the 167 from 2021 differ only in 邢台 (the June 2020 reorganisation);
 * - 平泉市 and 滦州市 were renamed in 2017/2018, before the first evaluation, so they carry
 *   their current codes in every year;
 * - 定州市 and 辛集市 are administered by the province and are areas of their own: their
 *   prefecture_code is their own code.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv, serializeCsv } from '../../src/domain/csv.ts';
import { UNIT_COLUMNS } from '../../src/domain/tables.ts';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: tsx scripts/migrate/units.ts <dir with units_reference.csv>');
  process.exit(2);
}
const parsed = parseCsv(readFileSync(join(dir, 'units_reference.csv'), 'utf8'));
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));

const PROVINCE_ADMINISTERED = new Set(['130181', '130682']);
const XINGTAI_NOTE =
  'Boundary approximate: drawn by splitting the former 邢台县 polygon at 114.494°E (WGS84) as an ' +
  'estimate of the June 2020 transfer of towns; town boundaries are not available offline.';

const out: Record<string, string>[] = [];
for (const r of parsed.rows) {
  const drawn = r.name_drawn ?? '';
  const prefZh = r.prefecture ?? '';
  const code2023 = r.adcode_2023 ?? '';
  const base = (code: string) => ({
    prefecture_code: PROVINCE_ADMINISTERED.has(code) ? code : (r.pref_code ?? ''),
    prefecture_zh: PROVINCE_ADMINISTERED.has(code) ? drawn : prefZh,
  });
  const cangzhou = prefZh === '沧州市' ? 'Source boundaries for 沧州 are coarse (about 2.8 km between vertices).' : '';
  const key = prefZh === '邢台市' ? drawn : '';
  switch (key) {
    case '邢台县':
      out.push({
        code: '130521',
        name_zh: '邢台县',
        name_en: 'Xingtai County',
        ...base('130521'),
        valid_from: '2019',
        valid_to: '2020',
        predecessor_codes: '',
        boundary_note: 'Abolished in June 2020; its towns went to 信都区 (15) and 襄都区 (4).',
      });
      break;
    case '桥东区':
    case '桥西区': {
      const code = drawn === '桥东区' ? '130502' : '130503';
      out.push({
        code,
        name_zh: drawn,
        name_en: r.english_drawn ?? '',
        ...base(code),
        valid_from: '2019',
        valid_to: '2020',
        predecessor_codes: '',
        boundary_note: `Renamed ${r.name_2023} in June 2020, when it also took in part of 邢台县.`,
      });
      out.push({
        code,
        name_zh: r.name_2023 ?? '',
        name_en: r.english_2023 ?? '',
        ...base(code),
        valid_from: '2021',
        valid_to: '',
        predecessor_codes: `${code};130521`,
        boundary_note: XINGTAI_NOTE,
      });
      break;
    }
    case '任县':
    case '南和县': {
      const old = drawn === '任县' ? '130526' : '130527';
      out.push({
        code: old,
        name_zh: drawn,
        name_en: r.english_drawn ?? '',
        ...base(old),
        valid_from: '2019',
        valid_to: '2020',
        predecessor_codes: '',
        boundary_note: `Became ${r.name_2023} (${code2023}) in June 2020 with the same territory.`,
      });
      out.push({
        code: code2023,
        name_zh: r.name_2023 ?? '',
        name_en: r.english_2023 ?? '',
        ...base(code2023),
        valid_from: '2021',
        valid_to: '',
        predecessor_codes: old,
        boundary_note: `Same territory as ${drawn} (${old}).`,
      });
      break;
    }
    default: {
      const renamed = drawn !== r.name_2023;
      out.push({
        code: code2023,
        name_zh: r.name_2023 ?? '',
        name_en: r.english_2023 ?? '',
        ...base(code2023),
        valid_from: '2019',
        valid_to: '',
        predecessor_codes: renamed ? (r.geom_src_id ?? '') : '',
        boundary_note: [renamed ? `Drawn from boundaries of the former ${drawn} (same territory).` : '', cangzhou]
          .filter(Boolean)
          .join(' '),
      });
    }
  }
}
out.sort(
  (a, b) => (a.code ?? '').localeCompare(b.code ?? '') || (a.valid_from ?? '').localeCompare(b.valid_from ?? ''),
);
writeFileSync('data/units.csv', serializeCsv(UNIT_COLUMNS, out));
console.log(`data/units.csv: ${out.length} rows`);
