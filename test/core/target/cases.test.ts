import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTarget } from '../../../src/core/target/parse.js';
import { SHARED } from '../../helpers/cli.js';

interface CaseIndicator {
  tier3: string;
  target: string;
  actual: string;
}
const dir = join(SHARED, 'cases');
const cases = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({
    file: f,
    data: JSON.parse(readFileSync(join(dir, f), 'utf8')) as { year: number; indicators: CaseIndicator[] },
  }));

const strings = cases.flatMap(({ file, data }) =>
  data.indicators.flatMap((i) => [
    { file, field: 'target', text: i.target, year: data.year },
    { file, field: 'actual', text: i.actual, year: data.year },
  ]),
);

describe('every target and actual string in shared/cases', () => {
  it('is read from the case files (the table is not empty)', () => {
    expect(cases.length).toBe(11);
    expect(strings.length).toBe(198);
  });

  it('parses to a structure, or is qualitative / a placeholder / empty with a reason; only OCR debris is unrecognised', () => {
    const unrecognised = strings.filter((s) => {
      const t = parseTarget(s.text, { year: s.year });
      return t.direction === 'invalid' && t.problem.code === 'unrecognised';
    });
    // The Ningxia transcription lost a digit to OCR ("000亩"): refused with a reason rather than read as 0.
    expect(unrecognised.map((s) => s.text)).toEqual(["000亩 (OCR; '8000亩' with the 8 probably being the 分值)"]);
  });

  it('classifies what it cannot score as qualitative or a problem with a Chinese reason', () => {
    const counts: Record<string, number> = {};
    for (const s of strings) {
      const t = parseTarget(s.text, { year: s.year });
      counts[t.direction] = (counts[t.direction] ?? 0) + 1;
      if (t.direction === 'invalid') expect(t.problem.message).toMatch(/指标值/);
    }
    // The blank rows of the Tianchang table (12 empty cells) and the OCR-garbled Ningxia target.
    expect(counts.invalid).toBe(13);
    expect(counts.qualitative).toBe(24);
    expect(counts.deadline).toBe(3);
  });

  it.each([
    ['yunnan_longyang_2022_fertilizer_reduction.json', '≧20000亩', { direction: 'positive', value: 20000, unit: '亩' }],
    [
      'anhui_chizhou_tangxi_2022_entrusted_services.json',
      '≥100百分比',
      { direction: 'positive', value: 100, unit: '百分比' },
    ],
    ['anhui_chizhou_tangxi_2022_entrusted_services.json', '≤90万元', { direction: 'reverse', value: 90, unit: '万元' }],
    ['shanxi_jishan_2021_basic_public_health_zhaidian.json', '不少于12 种', { direction: 'positive', value: 12 }],
    ['sichuan_anju_2021_food_supervision_subsidy.json', '0次', { direction: 'equal', value: 0, unit: '次' }],
    [
      'sichuan_anju_2021_food_supervision_subsidy.json',
      '2021年12月31日',
      { direction: 'deadline', date: '2021-12-31' },
    ],
    ['ningxia_yuanzhou_2022_potato_seed_breeding.json', '11月底完成', { direction: 'deadline', date: '2022-11-30' }],
    ['ningxia_yuanzhou_2022_potato_seed_breeding.json', "≥90% (OCR '290$')", { direction: 'positive', value: 90 }],
    ['anhui_xiaoxian_2023_hexi_village_breeding_subsidy.json', '≥11.376万元', { value: 11.376, unit: '万元' }],
  ])('%s: %s', (file, text, expected) => {
    const found = strings.find((s) => s.file === file && s.text === text);
    expect(found, `${text} in ${file}`).toBeDefined();
    expect(parseTarget(text, { year: found?.year })).toMatchObject(expected);
  });
});
