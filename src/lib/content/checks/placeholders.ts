/** A scaffold's «ЗАПОЛНИТЕ…» left in a file: a warning in a draft, an error once published. */
import { PLACEHOLDER } from './rules.ts';
import type { EntryRule } from './rule.ts';

export const checkPlaceholders: EntryRule = (entry, _bank, add) => {
  entry.source.split('\n').forEach((text, i) => {
    if (!text.includes(PLACEHOLDER)) return;
    const field = /^\s*([A-Za-z]+):/.exec(text)?.[1] ?? '(текст)';
    if (entry.draft) {
      add(entry.file, i + 1, field, 'placeholder', `заготовка ещё не заполнена: замените «${PLACEHOLDER}…» текстом по материалу города`, 'warning');
    } else {
      add(entry.file, i + 1, field, 'placeholder', `в опубликованном файле осталась заготовка «${PLACEHOLDER}…»; заполните её или верните файлу «_» в начале имени (черновик)`);
    }
  });
};
