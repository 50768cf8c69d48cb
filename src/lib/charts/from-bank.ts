/** Bank entries as the chart series functions take them. */
import type { Bank, PracticeEntry } from '../bank.ts';
import { urls } from '../urls.ts';
import { perCity, perStartYear, perTopic, type ChartPractice } from './series.ts';
import { perBank } from '../bank-memo.ts';

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

const topicLink = (bank: Bank) => (id: string) => ({ name: bank.topic(id).data.name, url: urls.topic(id) });

/** A topic's practices by city, over the whole topic: the same on every page of the topic. */
export const topicByCity = perBank((bank: Bank, topicId: string) => perCity(bank.practicesOfTopic(topicId).map((p) => chartPractice(bank, p))));

/** A city's practices by topic and by start year, over all of them: the same on every page of the city. */
export const cityCharts = perBank((bank: Bank, cityId: string) => {
  const charted = bank.practicesOfCity(cityId).map((p) => chartPractice(bank, p));
  return { byTopic: perTopic(charted, topicLink(bank)), byYear: perStartYear(charted) };
});
