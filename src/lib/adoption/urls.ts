/**
 * Addresses of the pages issue 16 adds (complete descriptions, printed collections). Kept beside
 * them rather than in `urls.ts`, which other features share; built on the same base.
 */
import { urls } from '../urls.ts';

export const repeatUrls = {
  complete: () => `${urls.practices()}complete/`,
  collections: () => `${urls.home()}collections/`,
  /** Volume 1 is the collection's own address; further volumes get `/<n>/`. */
  topicCollection: (id: string, volume = 1) => `${urls.home()}collections/topic/${id}/${volume > 1 ? `${volume}/` : ''}`,
  yearCollection: (year: number, volume = 1) => `${urls.home()}collections/year/${year}/${volume > 1 ? `${volume}/` : ''}`,
};
