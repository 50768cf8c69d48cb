/**
 * The bodies of the open-data downloads, written once here so that the endpoints that serve
 * them and /data/, which prints each file's size, cannot disagree. The downloads hold the whole
 * bank and so grow with it (a reader asks for them on purpose); their size is shown so a reader
 * knows what a click costs.
 */
import type { OpenData } from './dataset.ts';
import { toCsv } from './csv.ts';
import { formatNumber } from '../format.ts';

export type DataFileName = 'practices.csv' | 'practices.json' | 'cities.csv' | 'topics.csv';

export function dataFileBody(data: OpenData, name: DataFileName): string {
  switch (name) {
    case 'practices.csv':
      return toCsv(data.practices.columns, data.practices.records);
    case 'practices.json':
      return `${JSON.stringify(data.practices.records, null, 2)}\n`;
    case 'cities.csv':
      return toCsv(data.cities.columns, data.cities.records);
    case 'topics.csv':
      return toCsv(data.topics.columns, data.topics.records);
  }
}

/** Bytes as a reader reads them: «812 байт», «14,2 КБ», «7,9 МБ» (1 КБ = 1024 байта). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${formatNumber(bytes)} байт`;
  const units = ['КБ', 'МБ', 'ГБ'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const rounded = value >= 100 ? Math.round(value) : Math.round(value * 10) / 10;
  return `${formatNumber(rounded)} ${units[unit]}`;
}
