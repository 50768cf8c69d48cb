/**
 * Every rule of the content checker, with the words CONTRIBUTING.md uses for it. A problem's
 * `rule` is one of these ids; the checker prints it at the end of the line (`… [reference]`),
 * and body rules appear as the field itself (`mdx/expression`).
 */
interface RuleInfo {
  /** What the rule guards, in Russian, for editors. */
  description: string;
  /** `warning` does not fail the check or the build. */
  severity: 'error' | 'warning' | 'error-or-warning';
}

export const RULES = {
  yaml: { severity: 'error', description: 'блок метаданных (YAML) не разбирается или отсутствует' },
  schema: { severity: 'error', description: 'поле не соответствует модели данных: не заполнено, не того вида, лишнее' },
  reference: { severity: 'error', description: 'ссылка на несуществующий город, тему, материал города или анкету' },
  future: { severity: 'error', description: 'дата или год в будущем' },
  'city-folder': { severity: 'error', description: 'файл лежит не в папке своего города' },
  slug: { severity: 'error', description: 'имя файла: латиница в нижнем регистре, цифры и дефис; материал города начинается с года' },
  'file-extension': { severity: 'error', description: 'файл с расширением, которое банк не читает (.md вместо .mdx, .yml вместо .yaml)' },
  'duplicate-slug': { severity: 'error', description: 'два файла дают один адрес страницы' },
  'submission-city': { severity: 'error', description: 'практика ссылается на материал другого города' },
  'broken-link': { severity: 'error', description: 'ссылка или изображение ведёт на страницу или файл, которых на сайте не будет' },
  placeholder: { severity: 'error-or-warning', description: 'не заполнена заготовка «ЗАПОЛНИТЬ»: ошибка в опубликованном файле, предупреждение в черновике' },
  'metric-source': { severity: 'warning', description: 'формулировка показателя не найдена в тексте материала города' },
  'metric-value': { severity: 'warning', description: 'значение показателя не совпадает с числом в его формулировке' },
  adaptation: { severity: 'error', description: 'adaptedFrom ссылается на несуществующую практику, на саму себя или замыкает цепочку повторений в круг' },
  completeness: { severity: 'warning', description: 'описание практики неполное для повторения: нет цифр, контакта с человеком, подтверждения города и т. п. (см. «Полнота описания»)' },
  'mdx/syntax': { severity: 'error', description: 'текст не разбирается как MDX (чаще всего — лишняя < или {, HTML-комментарий)' },
  'mdx/esm': { severity: 'error', description: 'import или export в тексте' },
  'mdx/expression': { severity: 'error', description: 'выражение в фигурных скобках {…}' },
  'mdx/unknown-component': { severity: 'error', description: 'компонент или HTML-тег не из разрешённого списка' },
  'mdx/forbidden-element': { severity: 'error', description: 'запрещённый элемент (<script>, <iframe>, <object>, <embed>, <style>, <form> и т. п.) или заголовок первого уровня' },
  'mdx/event-handler': { severity: 'error', description: 'атрибут-обработчик события (onClick, onload, …)' },
  'mdx/expression-attribute': { severity: 'error', description: 'значение атрибута в фигурных скобках или {...spread}' },
  'mdx/unknown-attribute': { severity: 'error', description: 'атрибут, которого у компонента нет' },
  'mdx/invalid-attribute': { severity: 'error', description: 'недопустимое значение атрибута или нет обязательного атрибута' },
  'mdx/unsafe-url': { severity: 'error', description: 'адрес со схемой javascript:, data:, vbscript: и т. п.' },
  'mdx/external-resource': { severity: 'error', description: 'изображение с другого сайта' },
  'mdx/nesting': { severity: 'error', description: 'слишком глубокая вложенность (цитата в цитате, список в списке, компонент в компоненте)' },
  'mdx/too-many-tags': { severity: 'error', description: 'больше 1000 тегов и компонентов в одном файле' },
  symlink: { severity: 'error', description: 'символическая ссылка или не обычный файл в папке материалов' },
  'file-size': { severity: 'error', description: 'файл больше допустимого размера' },
  unreadable: { severity: 'error', description: 'файл, который проверка не смогла разобрать по непредусмотренной причине' },
  'list-separator': { severity: 'error', description: 'в элементе списка знак «|», которым открытые данные разделяют элементы' },
} as const satisfies Record<string, RuleInfo>;

export type RuleId = keyof typeof RULES;

/**
 * The mark a scaffold leaves where only the editor can write the text. A draft may keep it;
 * a published file may not, so an unfinished scaffold cannot be merged by mistake.
 */
export const PLACEHOLDER = 'ЗАПОЛНИТЬ';

/**
 * The longest name a file (and so a page address) may have. File systems stop at 255 bytes;
 * an address this long is already unreadable. `npm run new` and the checker use the same bound.
 */
export const MAX_SLUG_LENGTH = 80;

/** A file or folder name in the bank (`resource-centres`): Latin lower-case letters and digits, joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
