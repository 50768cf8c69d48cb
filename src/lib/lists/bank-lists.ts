/**
 * The bank's paginated lists, in the order each shows (the bank's order: newest in the bank
 * first). Pages and their getStaticPaths call these, so a page and its neighbours agree.
 */
import type { Bank, SubmissionEntry } from '../bank.ts';
import { urls } from '../urls.ts';
import { answersPageSize, listPageSize, paginate } from './pager.ts';

export const topicPages = (bank: Bank, topicId: string) =>
  paginate(bank.practicesOfTopic(topicId), listPageSize(), urls.topic(topicId));

export const cityPages = (bank: Bank, cityId: string) =>
  paginate(bank.practicesOfCity(cityId), listPageSize(), urls.city(cityId));

export const yearPages = (bank: Bank, year: number) =>
  paginate(bank.practicesOfYear(year), listPageSize(), urls.practicesOfYear(year));



/** A questionnaire's answers, newest report first, then by city; a page holds whole submissions. */
export function answerPages(bank: Bank, questionnaireId: string) {
  const answers = bank.submissions
    .filter((s) => s.data.questionnaire.id === questionnaireId)
    .sort((a: SubmissionEntry, b: SubmissionEntry) => b.data.year - a.data.year || a.id.localeCompare(b.id));
  return paginate(answers, answersPageSize(), urls.questionnaire(questionnaireId));
}

/** Every submission, in the bank's order; the list shows a title line each, so pages are long. */
export const submissionPages = (bank: Bank) => paginate(bank.submissions, listPageSize() * 4, urls.submissions());
