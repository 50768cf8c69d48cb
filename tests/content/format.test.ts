import { describe, expect, it } from 'vitest';
import { countOf, formatFigure, formatNumber, formatYears, plural, THIN_SPACE } from '../../src/lib/format.ts';
import { ru } from '../../src/i18n/ru.ts';

describe('Russian typography', () => {
  it('groups digits with a thin space from five digits on', () => {
    expect(formatNumber(15000)).toBe(`15${THIN_SPACE}000`);
    expect(formatNumber(617515)).toBe(`617${THIN_SPACE}515`);
    expect(formatNumber(1195)).toBe('1195');
    expect(formatNumber(1.2)).toBe('1,2');
  });

  it('chooses plural forms through Intl.PluralRules', () => {
    expect(countOf(1, ru.counts.practices)).toBe('1 практика');
    expect(countOf(3, ru.counts.practices)).toBe('3 практики');
    expect(countOf(5, ru.counts.practices)).toBe('5 практик');
    expect(countOf(21, ru.counts.practices)).toBe('21 практика');
    expect(countOf(12, ru.counts.practices)).toBe('12 практик');
    expect(plural(22, ru.counts.cities)).toBe('города');
  });

  it('keeps the qualifier of a figure', () => {
    expect(formatFigure(15000, 'more-than', 'человек')).toBe(`более 15${THIN_SPACE}000 человек`);
    expect(formatFigure(657, 'exact', 'мероприятий')).toBe('657 мероприятий');
    expect(formatFigure(120, 'about', 'организаций')).toBe('около 120 организаций');
  });

  it('writes year ranges with an en dash', () => {
    expect(formatYears(2013, 2017)).toBe('2013–2017');
    expect(formatYears(2013)).toBe('с 2013');
    expect(formatYears(2013, 2013)).toBe('2013');
  });
});
