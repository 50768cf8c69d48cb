/**
 * The body of every open-data file, in one place: the endpoints serve these bodies and /data/
 * states their sizes from the very same text, so a size on the page is the size of the file.
 */
import { openData } from './dataset.ts';
import { toCsv } from './csv.ts';
import { schemaDocument } from './json-schema.ts';
import { dataUrls } from '../feeds/feed-urls.ts';
import { ru } from '../../i18n/ru.ts';

export type DataFileName = 'practices.csv' | 'practices.json' | 'cities.csv' | 'topics.csv' | 'schema.json';

export async function dataFileBody(name: DataFileName, site: URL): Promise<string> {
  if (name === 'schema.json') {
    const text = { title: ru.openData.codebook.schemaTitle, description: ru.openData.codebook.schemaDescription };
    return `${JSON.stringify(schemaDocument(new URL(dataUrls.file('schema.json'), site).href, text), null, 2)}\n`;
  }
  const data = await openData(site);
  if (name === 'practices.json') return `${JSON.stringify(data.practices.records, null, 2)}\n`;
  const set = name === 'practices.csv' ? data.practices : name === 'cities.csv' ? data.cities : data.topics;
  return toCsv(set.columns, set.records);
}

/** Size in bytes as served (UTF-8; a CSV's BOM included, since `toCsv` writes it). */
export async function dataFileSize(name: DataFileName, site: URL): Promise<number> {
  return Buffer.byteLength(await dataFileBody(name, site), 'utf8');
}
