/**
 * Every figure of a practice against its submission: the quoted wording is in the material, and
 * the value is the number that wording says. Warnings: an editor confirms against the source.
 */
import { normaliseForSearch, valueMatchesWording } from './figures.ts';
import { metricsOf, submissionOf, type EntryRule } from './rule.ts';

export const checkMetricSources: EntryRule = (entry, bank, add) => {
  if (entry.collection !== 'practices' || !entry.data) return;
  const found = submissionOf(entry, bank);
  if (!found) return;
  const haystack = bank.searchTextOf(found.submission);
  metricsOf(entry.data).forEach((m, i) => {
    const figure = `${m.kind} = ${m.value} ${m.unit}`;
    if (!haystack.includes(normaliseForSearch(m.source))) {
      add(entry.file, entry.lineOf(['metrics', i, 'source']), `metrics[${i}].source`, 'metric-source',
        `показатель ${figure}: формулировка «${m.source}» не найдена в тексте материала ${found.id}; сверьте цифру с источником и перепишите формулировку дословно`, 'warning');
    }
    if (!valueMatchesWording(m.value, m.source)) {
      add(entry.file, entry.lineOf(['metrics', i, 'value']), `metrics[${i}].value`, 'metric-value',
        `показатель ${figure}: числа ${m.value} нет в формулировке «${m.source}»; значение должно быть тем числом, что написано в источнике`, 'warning');
    }
  });
};
