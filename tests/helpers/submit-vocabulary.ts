/**
 * The submit form's vocabulary read from a content folder on disk, as the /submit/ page gives
 * it from the bank (src/pages/submit/index.astro), with a test repository address.
 */
import { readVocabulary } from '../../src/lib/editorial/cli.ts';
import type { SubmitVocabulary } from '../../src/lib/editorial/submit-form.ts';

export function submitVocabulary(contentDir: string): SubmitVocabulary {
  const disk = readVocabulary(contentDir);
  return {
    cities: disk.cities.map(({ id, name }) => ({ id, name })),
    topics: disk.topics,
    submissions: disk.submissions,
    questionnaires: disk.questionnaires.map((q) => q.id),
    questionnaireQuestions: disk.questionnaires,
    repository: 'https://github.com/example/bank',
    branch: 'main',
  };
}
