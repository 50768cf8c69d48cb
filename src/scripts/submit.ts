/**
 * The submit page in the browser: checks the form with the content schema (the same zod
 * schema the build uses), shows each error beside its field and in a summary that takes the
 * focus, and offers the valid result as a file to download and as a prefilled "new file"
 * page of the repository. Nothing is sent anywhere by this script.
 */
import { z } from 'astro/zod';
import { ru } from '../i18n/ru';
import { newFileUrl, preparePractice, todayUtc, type FieldError, type FormValues, type SubmitVocabulary } from '../lib/editorial/submit-form';

// zod compiles fast paths with `new Function`, which the site's CSP forbids (and reports).
z.config({ jitless: true });

const form = document.querySelector<HTMLFormElement>('#submit-form');
const summary = document.querySelector<HTMLElement>('#submit-errors');
const summaryTitle = document.querySelector<HTMLElement>('#submit-errors-title');
const summaryList = document.querySelector<HTMLUListElement>('#submit-errors-list');
const result = document.querySelector<HTMLElement>('#submit-result');
let downloadUrl: string | undefined;

function controlOf(field: string): HTMLElement | null {
  return document.getElementById(`f-${field}`);
}

function clearErrors(target: HTMLFormElement) {
  for (const error of target.querySelectorAll<HTMLElement>('.field-error')) {
    error.hidden = true;
    error.textContent = '';
  }
  for (const invalid of target.querySelectorAll('[aria-invalid]')) invalid.removeAttribute('aria-invalid');
  if (summary) summary.hidden = true;
}

function showErrors(target: HTMLFormElement, errors: FieldError[]) {
  const shown: FieldError[] = [];
  for (const error of errors) {
    const message = document.getElementById(`f-${error.field}-error`);
    if (message && !message.hidden) {
      message.textContent += `; ${error.message}`;
      continue;
    }
    shown.push(error);
    if (message) {
      message.textContent = error.message;
      message.hidden = false;
    }
    if (error.field === 'topics') {
      for (const box of target.querySelectorAll<HTMLInputElement>('input[name="topics"]')) {
        box.setAttribute('aria-invalid', 'true');
        box.setAttribute('aria-describedby', 'f-topics-error');
      }
    } else {
      controlOf(error.field)?.setAttribute('aria-invalid', 'true');
    }
  }
  if (!summary || !summaryTitle || !summaryList) return;
  summaryTitle.textContent = ru.submit.errorsTitle(shown.length);
  summaryList.replaceChildren(
    ...shown.map((error) => {
      const item = document.createElement('li');
      const control = controlOf(error.field);
      const label = control ? document.querySelector(`label[for="${control.id}"]`)?.textContent?.replace(/\s*\(.*\)\s*$/, '').trim() : undefined;
      const text = `${label ?? ''}${label ? ': ' : ''}${error.message}`;
      if (control) {
        const link = document.createElement('a');
        link.href = `#${control.id}`;
        link.textContent = error.field === 'topics' ? `${ru.submit.fields.topics}: ${error.message}` : text;
        link.addEventListener('click', (event) => {
          event.preventDefault();
          control.focus();
        });
        item.append(link);
      } else {
        item.textContent = text;
      }
      return item;
    }),
  );
  summary.hidden = false;
  summary.focus();
}

function valuesOf(target: HTMLFormElement): FormValues {
  const data = new FormData(target);
  const values: FormValues = {};
  for (const key of new Set(data.keys())) {
    const all = data.getAll(key).map(String);
    values[key] = key === 'topics' ? all : all[0];
  }
  values.topics ??= [];
  return values;
}

if (form && result) {
  const vocabulary = JSON.parse(form.dataset.vocabulary ?? '{}') as SubmitVocabulary;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors(form);
    const prepared = preparePractice(valuesOf(form), vocabulary, todayUtc());
    if (prepared.errors.length || !prepared.file || !prepared.path) {
      result.hidden = true;
      showErrors(form, prepared.errors);
      return;
    }
    if (downloadUrl) URL.revokeObjectURL(downloadUrl);
    downloadUrl = URL.createObjectURL(new Blob([prepared.file], { type: 'text/markdown;charset=utf-8' }));
    const download = document.querySelector<HTMLAnchorElement>('#submit-download');
    const repository = document.querySelector<HTMLAnchorElement>('#submit-repository');
    const lead = document.querySelector<HTMLElement>('#submit-result-lead');
    const preview = document.querySelector<HTMLElement>('#submit-preview');
    if (download) {
      download.href = downloadUrl;
      download.download = prepared.path.split('/').pop() ?? 'practice.mdx';
    }
    if (repository) repository.href = newFileUrl(vocabulary.repository, vocabulary.branch, prepared.path, prepared.file);
    if (lead) lead.textContent = (lead.dataset.template ?? '').replace('{path}', prepared.path);
    if (preview) preview.textContent = prepared.file;
    result.hidden = false;
    document.querySelector<HTMLElement>('#submit-result-title')?.focus();
  });
}
