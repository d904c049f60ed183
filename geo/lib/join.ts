/**
 * Attaching administrative codes to drawn units. The join key is (prefecture code, name as
 * drawn), never the source's own ids (AMap codes of about 2016, wrong for six units) and never
 * the name alone (桥西区, 桥东区 and 新华区 repeat across prefectures). A unit's prefecture is
 * read from its code (first four digits), so 辛集 (130181) and 定州 (130682), which data/units.csv
 * files as areas of their own, still match inside the files of 石家庄 and 保定.
 */
import { isValidIn } from '../../src/domain/dataset/units.ts';
import type { Unit, UnitCode } from '../../src/domain/types.ts';

export interface NameAlias {
  prefectureCode: string;
  nameDrawn: string;
  code: UnitCode;
}

export interface JoinResult {
  /** Code of the unit (as in the 2019 evaluation) for each input feature, by index. */
  codes: UnitCode[];
  errors: string[];
}

const prefectureOf = (code: UnitCode) => `${code.slice(0, 4)}00`;

/** Joins drawn units to the units of the first evaluation year; every unit must be drawn once. */
export function joinDrawnUnits(
  drawn: readonly { name: string; prefecture_code: string }[],
  units: readonly Unit[],
  aliases: readonly NameAlias[],
  year = 2019,
): JoinResult {
  const candidates = units.filter((u) => isValidIn(u, year));
  const errors: string[] = [];
  const codes: UnitCode[] = [];
  const seen = new Map<UnitCode, number>();
  drawn.forEach((d, i) => {
    const alias = aliases.find((a) => a.prefectureCode === d.prefecture_code && a.nameDrawn === d.name);
    const matches = alias
      ? candidates.filter((u) => u.code === alias.code)
      : candidates.filter((u) => u.nameZh === d.name && prefectureOf(u.code) === d.prefecture_code);
    if (matches.length !== 1) {
      errors.push(
        matches.length === 0
          ? `feature ${i} "${d.name}" (prefecture ${d.prefecture_code}) matches no unit of ${year}`
          : `feature ${i} "${d.name}" (prefecture ${d.prefecture_code}) matches ${matches.length} units`,
      );
      codes.push('');
      return;
    }
    const code = matches[0]?.code ?? '';
    const earlier = seen.get(code);
    if (earlier !== undefined) errors.push(`features ${earlier} and ${i} are both unit ${code} "${d.name}"`);
    seen.set(code, i);
    codes.push(code);
  });
  for (const u of candidates) {
    if (!seen.has(u.code)) errors.push(`unit ${u.code} ${u.nameZh} is not drawn in the boundary file`);
  }
  return { codes, errors };
}
