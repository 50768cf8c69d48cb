/**
 * The terms the open data is published under. АСДГ has not stated a licence anywhere the project
 * can cite, so the site claims none: by default /data/ says that the terms are set by АСДГ and are
 * not yet stated. Editors set DATA_LICENCE_NAME (and DATA_LICENCE_URL) when building the
 * published site once the association has chosen, e.g. DATA_LICENCE_NAME="CC BY 4.0".
 */
interface DataLicence {
  name: string;
  url?: string;
}

export function dataLicence(env: Record<string, string | undefined> = process.env): DataLicence | undefined {
  const name = (env.DATA_LICENCE_NAME ?? '').trim();
  if (!name) return undefined;
  const url = (env.DATA_LICENCE_URL ?? '').trim();
  if (url && !/^https?:\/\/\S+$/.test(url)) throw new Error(`DATA_LICENCE_URL «${url}»: ожидается адрес вида https://…`);
  return url ? { name, url } : { name };
}
