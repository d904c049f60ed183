/** Unit lookups by (area, name, year) and (code, year), as the migration and the validators use them. */
import { describe, expect, it } from 'vitest';
import { areaName, buildUnitIndex, clampYear, findUnits, parseUnits } from '../../src/domain/dataset/index.ts';
import { DATA_DIR, readText } from './helpers.ts';
import { join } from 'node:path';

const parsed = parseUnits(readText(join(DATA_DIR, 'units.csv')));
const units = parsed.ok ? parsed.rows : [];

describe('units.csv lookups', () => {
  it('parses units.csv: 168 units in 2019–2020 and 167 from 2021', () => {
    expect(parsed.ok).toBe(true);
    const index = buildUnitIndex(units);
    expect([2019, 2020, 2021, 2022, 2023].map((y) => index.unitsIn(y).length)).toEqual([168, 168, 167, 167, 167]);
  });

  it('tells repeated names apart by area and year', () => {
    const codes = (area: string, name: string, year: number) => findUnits(units, area, name, year).map((u) => u.code);
    expect(codes('石家庄', '桥西区', 2019)).toEqual(['130104']);
    expect(codes('邢台', '桥西区', 2019)).toEqual(['130503']);
    expect(codes('邢台', '桥西区', 2021)).toEqual([]);
    expect(codes('邢台', '信都区', 2021)).toEqual(['130503']);
    expect(codes('邢台', '任县', 2021)).toEqual([]);
    expect(codes('邢台', '任泽区', 2021)).toEqual(['130505']);
    expect(codes('定州', '定州市', 2023)).toEqual(['130682']);
  });

  it('looks a code up by year', () => {
    const index = buildUnitIndex(units);
    expect(index.unitIn('130502', 2020)?.nameZh).toBe('桥东区');
    expect(index.unitIn('130502', 2021)?.nameZh).toBe('襄都区');
    expect(index.unitIn('130526', 2021)).toBeUndefined();
    expect(index.withCode('130502').map((u) => u.nameZh)).toEqual(['桥东区', '襄都区']);
  });

  it('names areas as the facts package does and clamps context years', () => {
    expect(areaName('石家庄市')).toBe('石家庄');
    expect(areaName('定州市')).toBe('定州');
    expect([2015, 2018, 2019, 2023, 2024].map(clampYear)).toEqual([2019, 2019, 2019, 2023, 2023]);
  });
});
