/**
 * The submit page in the browser: checks the form with the content schema (the same zod
 * schema the build uses), shows each error beside its field and in a summary that takes the
 * focus, and offers the valid result as a file to download and as a prefilled "new file"
 * page of the repository. Nothing is sent anywhere by this script. The material list is filled
 * with the chosen city's materials, loaded from /submit/materials/<city>.json (one small file per
 * city, kept once loaded); the words come from the form's `data-strings`, not from ru.ts.
 */
import { z } from 'astro/zod';
import { newFileUrl, todayUtc, type CitySubmissions, type FieldError, type FormValues, type SubmitVocabulary } from '../lib/editorial/submit-form';
import type { SubmitStrings } from '../lib/editorial/submit-strings';
import { fill } from '../lib/search/template';
import { NOT_IN_BANK, prepareBundle, type SubmitFile } from '../lib/editorial/submit-bundle';

// zod compiles fast paths with `new Function`, which the site's CSP forbids (and reports).
z.config({ jitless: true });

const form = document.querySelector<HTMLFormElement>('#submit-form');
const summary = document.querySelector<HTMLElement>('#submit-errors');
const summaryTitle = document.querySelector<HTMLElement>('#submit-errors-title');
const summaryList = document.querySelector<HTMLUListElement>('#submit-errors-list');
const result = document.querySelector<HTMLElement>('#submit-result');
let downloadUrls: string[] = [];
const strings = JSON.parse(form?.dataset.strings ?? '{}') as SubmitStrings;

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
  summaryTitle.textContent = fill(strings.errorsTitle, { count: shown.length });
  summaryList.replaceChildren(
    ...shown.map((error) => {
      const item = document.createElement('li');
      const control = controlOf(error.field);
      const label = control ? document.querySelector(`label[for="${control.id}"]`)?.textContent?.replace(/\s*\(.*\)\s*$/, '').trim() : undefined;
      const text = `${label ?? ''}${label ? ': ' : ''}${error.message}`;
      if (control) {
        const link = document.createElement('a');
        link.href = `#${control.id}`;
        link.textContent = error.field === 'topics' ? `${strings.topics}: ${error.message}` : text;
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
    // The report's file stays in the browser; only its name matters to the check.
    if (key === 'report-file') continue;
    const all = data.getAll(key).map(String);
    values[key] = key === 'topics' ? all : all[0];
  }
  values.topics ??= [];
  return values;
}

/** Shows a part of the form (a new city, a new report) only when it is asked for; hidden parts are disabled, so they are not read. */
function toggleGroup(id: string, shown: boolean) {
  const group = document.getElementById(id) as HTMLFieldSetElement | null;
  if (!group) return;
  group.hidden = !shown;
  group.disabled = !shown;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function downloadLink(blob: Blob, name: string): HTMLAnchorElement {
  const url = URL.createObjectURL(blob);
  downloadUrls.push(url);
  const link = element('a', `${strings.download}: ${name}`, 'button');
  link.href = url;
  link.download = name;
  return link;
}

function showFiles(files: SubmitFile[], vocabulary: SubmitVocabulary, reportFile: File | undefined, newSubmission: string | undefined, reportFileOnly: boolean) {
  for (const url of downloadUrls) URL.revokeObjectURL(url);
  downloadUrls = [];
  const t = strings;
  const [practice, ...others] = files;
  if (!practice || !result) return;
  const list = document.querySelector<HTMLUListElement>('#submit-files');
  const download = document.querySelector<HTMLAnchorElement>('#submit-download');
  if (download) {
    const url = URL.createObjectURL(new Blob([practice.content], { type: 'text/markdown;charset=utf-8' }));
    downloadUrls.push(url);
    download.href = url;
    download.download = practice.name;
  }
  list?.querySelectorAll('li[data-extra]').forEach((li) => li.remove());
  const extra: { link: HTMLAnchorElement; kind: string }[] = others.map((file) => ({
    link: downloadLink(new Blob([file.content], { type: file.kind === 'city' ? 'text/yaml;charset=utf-8' : 'text/markdown;charset=utf-8' }), file.name),
    kind: t.fileKinds[file.kind],
  }));
  if (reportFile) extra.push({ link: downloadLink(reportFile, reportFile.name), kind: t.fileKinds.report });
  for (const { link, kind } of extra) {
    const item = element('li');
    item.dataset.extra = '';
    item.append(link, ' ', element('span', kind));
    list?.append(item);
  }
  const count = files.length + (reportFile ? 1 : 0);
  const lead = document.querySelector<HTMLElement>('#submit-result-lead');
  if (lead) lead.textContent = fill(t.filesLead, { count });

  const mail = document.querySelector<HTMLAnchorElement>('#submit-mail');
  if (mail) {
    const city = vocabulary.cities.find((c) => practice.path.startsWith(`content/practices/${c.id}/`))?.name ?? (document.querySelector<HTMLInputElement>('#f-newcity-nominative')?.value ?? '');
    const title = document.querySelector<HTMLInputElement>('#f-title')?.value ?? '';
    const names = [...files.map((f) => f.name), ...(reportFile ? [reportFile.name] : [])];
    mail.href = `mailto:${mail.dataset.email ?? ''}?subject=${encodeURIComponent(fill(t.mailSubject, { city, title }))}&body=${encodeURIComponent(`${names.map((n) => `- ${n}`).join('\n')}\n`)}`;
  }

  const paths = document.querySelector<HTMLUListElement>('#submit-paths');
  paths?.replaceChildren(
    ...files.map((file) => {
      const item = element('li');
      item.append(element('code', file.path), ` — ${t.fileKinds[file.kind]}`);
      return item;
    }),
  );
  const note = document.querySelector<HTMLElement>('#submit-report-file-note');
  if (note) {
    note.hidden = !(reportFileOnly && newSubmission);
    note.textContent = (note.dataset.template ?? '').replace('{id}', newSubmission ?? '');
  }
  const repository = document.querySelector<HTMLAnchorElement>('#submit-repository');
  if (repository) {
    repository.href = newFileUrl(vocabulary.repository, vocabulary.branch, practice.path, practice.content);
    // One prefilled file per link: with several files the upload page takes them all at once.
    const item = repository.closest('li');
    if (item) item.hidden = files.length > 1;
  }
  const upload = document.querySelector<HTMLAnchorElement>('#submit-upload');
  if (upload) upload.href = `${vocabulary.repository.replace(/\/+$/, '')}/upload/${encodeURIComponent(vocabulary.branch)}`;
  const preview = document.querySelector<HTMLElement>('#submit-preview');
  if (preview) preview.textContent = practice.content;
  document.querySelector<HTMLElement>('#submit-previews')?.replaceChildren(
    ...others.flatMap((file) => {
      const pre = element('pre', file.content, 'submit-preview');
      pre.tabIndex = 0;
      pre.dataset.path = file.path;
      return [element('h4', file.path), pre];
    }),
  );
  result.hidden = false;
  document.querySelector<HTMLElement>('#submit-result-title')?.focus();
}

if (form && result) {
  const vocabulary = JSON.parse(form.dataset.vocabulary ?? '{}') as SubmitVocabulary;
  const city = form.querySelector<HTMLSelectElement>('#f-city');
  const submission = form.querySelector<HTMLSelectElement>('#f-submission');
  const notInBank = submission?.querySelector<HTMLOptionElement>(`option[value="${NOT_IN_BANK}"]`);
  const submissionError = document.getElementById('f-submission-error');
  const loaded = new Map<string, SubmitVocabulary['submissions']>();
  /** The material list: a first option, the city's materials, «not in the bank»; a choice still listed is kept. */
  const listSubmissions = (first: string, list: SubmitVocabulary['submissions']) => {
    if (!submission) return;
    const chosen = submission.value;
    vocabulary.submissions = list;
    submission.replaceChildren(new Option(first, ''), ...list.map((s) => new Option(`${s.year}: ${s.title}`, s.id)), ...(notInBank ? [notInBank] : []));
    submission.value = [...submission.options].some((o) => o.value === chosen) ? chosen : '';
  };
  const showSubmissions = async (cityId: string) => {
    if (submissionError?.dataset.loadError !== undefined) {
      delete submissionError.dataset.loadError;
      submissionError.hidden = true;
    }
    if (!cityId || cityId === NOT_IN_BANK) return listSubmissions(cityId ? strings.chooseSubmission : strings.chooseCityFirst, []);
    const known = loaded.get(cityId);
    if (known) return listSubmissions(strings.chooseSubmission, known);
    listSubmissions(strings.loadingSubmissions, []);
    try {
      const response = await fetch(`${form.dataset.materials ?? ''}${encodeURIComponent(cityId)}.json`);
      if (!response.ok) throw new Error(`${response.url}: ${response.status}`);
      loaded.set(cityId, ((await response.json()) as CitySubmissions).submissions);
    } catch {
      if (city?.value !== cityId || !submissionError) return;
      listSubmissions(strings.chooseSubmission, []);
      submissionError.dataset.loadError = '';
      submissionError.textContent = strings.submissionsError;
      submissionError.hidden = false;
      return;
    }
    // The reader may have chosen another city while this one loaded.
    if (city?.value === cityId) listSubmissions(strings.chooseSubmission, loaded.get(cityId) ?? []);
  };
  const sync = () => {
    const cityIsNew = city?.value === NOT_IN_BANK;
    toggleGroup('f-newcity-group', cityIsNew);
    toggleGroup('f-report-group', submission?.value === NOT_IN_BANK);
  };
  city?.addEventListener('change', () => {
    void showSubmissions(city.value).then(sync);
    // A city new to the bank has no material in it yet: its report comes with the practice.
    if (city.value === NOT_IN_BANK && submission) submission.value = NOT_IN_BANK;
    sync();
  });
  submission?.addEventListener('change', sync);
  // A browser that restores a reloaded form's values may have a city chosen already.
  if (city?.value) void showSubmissions(city.value).then(sync);
  sync();
  // Shown only now: without this script the form would put what was typed into the address.
  form.hidden = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors(form);
    const reportInput = form.querySelector<HTMLInputElement>('#f-report-file');
    const reportFile = submission?.value === NOT_IN_BANK ? reportInput?.files?.[0] : undefined;
    const prepared = prepareBundle(valuesOf(form), vocabulary, todayUtc(), reportFile ? { reportFileName: reportFile.name } : {});
    if (prepared.errors.length || !prepared.files.length) {
      result.hidden = true;
      showErrors(form, prepared.errors);
      return;
    }
    showFiles(prepared.files, vocabulary, reportFile, prepared.newSubmission, prepared.reportFileOnly ?? false);
  });
}
