/** A practice is drawn from a material its own city sent. */
import { refId, submissionOf, type EntryRule } from './rule.ts';

export const checkSubmissionCity: EntryRule = (entry, bank, add) => {
  if (entry.collection !== 'practices' || !entry.data) return;
  const found = submissionOf(entry, bank);
  if (!found) return;
  const city = refId(entry.data.city);
  const submissionCity = refId(found.submission.data.city);
  if (city && submissionCity && city !== submissionCity) {
    add(entry.file, entry.lineOf(['submission']), 'submission', 'submission-city', `материал «${found.id}» прислал другой город (${submissionCity}), а практика относится к городу ${city}; укажите материал своего города`);
  }
};
