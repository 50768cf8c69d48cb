/**
 * The submit form's data from the built bank: the vocabulary the page embeds (/submit/) and one
 * city's materials (/submit/materials/<city>.json). The page holds no material: their number
 * grows with cities × years, so each city's list is its own small file.
 */
import type { Bank } from '../bank.ts';
import { urls } from '../urls.ts';
import { repositoryBranch, repositoryUrl } from './repository.ts';
import type { CitySubmissions, SubmitVocabulary } from './submit-form.ts';

/**
 * Prefix of the per-city material lists: `${submitMaterials()}<city>.json` (the route is
 * src/pages/submit/materials/[id].json.ts). Not in urls.ts, which every page's scripts load.
 */
export const submitMaterials = () => `${urls.submit()}materials/`;

export function submitPageVocabulary(bank: Bank): SubmitVocabulary {
  return {
    cities: bank.cities.map((c) => ({ id: c.id, name: c.data.name.nominative })),
    topics: bank.topics.map((t) => ({ id: t.id, name: t.data.name })),
    submissions: [],
    questionnaires: bank.questionnaires.map((q) => q.id),
    repository: repositoryUrl(),
    branch: repositoryBranch(),
    questionnaireTitles: bank.questionnaires.map((q) => ({ id: q.id, title: q.data.title })),
    questionnaireQuestions: bank.questionnaires.map((q) => ({ id: q.id, questions: q.data.questions.map((x) => ({ id: x.id, text: x.text })) })),
  };
}

/** A city's materials in the bank's order (newest year first). */
export function citySubmissions(bank: Bank, cityId: string): CitySubmissions {
  return {
    city: cityId,
    submissions: bank.submissions
      .filter((s) => s.data.city.id === cityId)
      .map((s) => ({ id: s.id, city: cityId, year: s.data.year, title: s.data.title })),
  };
}
