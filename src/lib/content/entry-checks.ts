/**
 * Checks that need an entry's id as well as its data. They run in the build's loader and in
 * `npm run check` alike.
 */

/** `content/practices/<city>/<slug>.mdx` must belong to `<city>`: the folder is the URL. */
export function checkCityFolder(id: string, data: unknown, lineOf: (path: readonly PropertyKey[]) => number) {
  const folder = id.split('/')[0];
  const city = (data as { city?: { id: string } }).city?.id;
  if (!id.includes('/')) {
    return [{ line: 1, field: '(путь)', message: 'файл должен лежать в папке своего города: <город>/<имя>.mdx' }];
  }
  if (city && folder !== city) {
    return [{ line: lineOf(['city']), field: 'city', message: `файл лежит в папке «${folder}», а город указан «${city}»; перенесите файл в папку ${city}/` }];
  }
  return [];
}
