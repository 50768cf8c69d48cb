/**
 * What a metric's unit measures. The content keeps a unit as the source words it («тыс. руб.»,
 * «человек», «ресурсных центра»); to line figures up we only need to know whether two units can
 * stand on one row without converting anything.
 *
 * Choice: a unit that names no measure is a count of what the metric's kind says («человек» and
 * «участников» both count participants; the word is the source's own inflected noun, kept in each
 * cell). Money, area, percentages and time are measures: two of them compare only when they are
 * the same measure at the same scale. «тыс. руб.» next to «млн руб.» is refused, never converted.
 */
type UnitDimension = 'count' | 'money' | 'area' | 'percent' | 'time';

interface UnitMeasure {
  dimension: UnitDimension;
  /** Multiplier of the base unit (1 000 for «тыс. руб.»); 1 for counts. */
  scale: number;
}

/** Lower case, «ё» as «е», single spaces: the forms editors type for one unit. */
export function normaliseUnit(unit: string): string {
  return unit.toLowerCase().replaceAll('ё', 'е').replace(/\s+/g, ' ').trim();
}

function scaleOf(unit: string): number {
  if (/(^|[\s(])(млрд|миллиард)/.test(unit)) return 1e9;
  if (/(^|[\s(])(млн|миллион)/.test(unit)) return 1e6;
  if (/(^|[\s(])(тыс|тысяч)/.test(unit)) return 1e3;
  return 1;
}

export function measureOf(unit: string): UnitMeasure {
  const u = normaliseUnit(unit);
  if (/руб|₽/.test(u)) return { dimension: 'money', scale: scaleOf(u) };
  if (/%|процент/.test(u)) return { dimension: 'percent', scale: 1 };
  if (/кв\.?\s?(м|км)|м²|км²|м2|гектар|(^|\s)га(\s|$)/.test(u)) return { dimension: 'area', scale: /км/.test(u) ? 1e6 : /га|гектар/.test(u) ? 1e4 : 1 };
  if (/(^|\s)(час|мин|дн|день|дней|недел|месяц|лет|год)/.test(u)) return { dimension: 'time', scale: 1 };
  return { dimension: 'count', scale: 1 };
}

/**
 * Whether every unit can share one row. Counts always can; measures only at one scale — and, for
 * time, only when the unit is the very same word, since «часов» and «дней» are different scales
 * this module does not try to know.
 */
export function unitsComparable(units: readonly string[]): boolean {
  if (units.length < 2) return true;
  const measures = units.map(measureOf);
  const [first] = measures;
  if (!first) return true;
  const sameMeasure = measures.every((m) => m.dimension === first.dimension && m.scale === first.scale);
  if (!sameMeasure) return false;
  if (first.dimension === 'time') return new Set(units.map(normaliseUnit)).size === 1;
  return true;
}
