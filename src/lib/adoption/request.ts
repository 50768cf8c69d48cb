/**
 * «Хочу повторить»: a request to the city that ran a practice, with no server. The page gives a
 * `mailto:` link with a prefilled subject and body; the reader's own mail program sends it, so
 * the bank neither sees nor counts requests (and says so on the page).
 */
import { ru } from '../../i18n/ru.ts';
import { mailtoPart } from '../mailto.ts';

interface RequestInput {
  title: string;
  /** «Иркутск». */
  cityName: string;
  /** «в Иркутске». */
  cityLocative: string;
  /** Absolute address of the practice page, so the city sees which description was read. */
  pageUrl: string;
  email: string | undefined;
}

export function requestSubject(input: Pick<RequestInput, 'title' | 'cityName'>): string {
  return ru.repeat.request.subject(input.title, input.cityName);
}

export function requestBody(input: Pick<RequestInput, 'title' | 'cityLocative' | 'pageUrl'>): string {
  return ru.repeat.request.body(input.title, input.cityLocative, input.pageUrl);
}

/** The `mailto:` address, or undefined where the practice has no e-mail to write to. */
export function requestMailto(input: RequestInput): string | undefined {
  if (!input.email) return undefined;
  // The address itself is part of the URL path: encode what could end it (`?`, `#`, `%`).
  const to = input.email.replace(/[%?#&]/g, (c) => encodeURIComponent(c));
  return `mailto:${to}?subject=${mailtoPart(requestSubject(input))}&body=${mailtoPart(requestBody(input))}`;
}
