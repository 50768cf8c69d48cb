/** Bank entries as the chart series functions take them. */
import type { Bank, PracticeEntry } from '../bank.ts';
import { urls } from '../urls.ts';
import type { ChartPractice } from './series.ts';

export function chartPractice(bank: Bank, p: PracticeEntry): ChartPractice {
  return {
    id: p.id,
    title: p.data.title,
    url: urls.practice(p.id),
    cityName: bank.city(p.data.city.id).data.name.nominative,
    startYear: p.data.startYear,
    topicIds: p.data.topics.map((t) => t.id),
    metrics: p.data.metrics,
  };
}

export const topicLink = (bank: Bank) => (id: string) => ({ name: bank.topic(id).data.name, url: urls.topic(id) });
