/**
 * Builds, at build time, the strings the submit page's script shows (`scripts/submit.ts`). They
 * travel as one data attribute on the form (SubmitForm.astro), so the browser never loads the
 * whole of ru.ts; templates carry `{name}` placeholders (filled with `fill`).
 */
import { ru } from '../../i18n/ru.ts';

export interface SubmitStrings {
  /** `{count}`. */
  errorsTitle: string;
  topics: string;
  download: string;
  fileKinds: Record<'practice' | 'city' | 'submission' | 'report', string>;
  /** `{count}`. */
  filesLead: string;
  /** `{city}`, `{title}`. */
  mailSubject: string;
  /** The material list's first option: before a city is chosen, while its materials load, after. */
  chooseCityFirst: string;
  loadingSubmissions: string;
  chooseSubmission: string;
  /** Shown beside the material list when the city's file could not be loaded. */
  submissionsError: string;
}

export function submitStrings(): SubmitStrings {
  const t = ru.submit;
  return {
    errorsTitle: t.errorsTitle('{count}'),
    topics: t.fields.topics,
    download: t.download,
    fileKinds: { ...t.fileKinds },
    filesLead: t.filesLead('{count}'),
    mailSubject: t.mailSubject('{city}', '{title}'),
    chooseCityFirst: t.fields.chooseCityFirst,
    loadingSubmissions: t.loadingSubmissions,
    chooseSubmission: t.fields.chooseSubmission,
    submissionsError: t.submissionsError,
  };
}
