/**
 * A practice file from what an editor or a city typed: the scaffold (`npm run new`) and the
 * submit form (`/submit/`, in the browser) write the same shape through this one function.
 * Figures are never filled in here: metrics are added by the editor from the submission text.
 */
import { stringify } from 'yaml';
import { PLACEHOLDER } from '../content/checks/rules.ts';
import { blocksToMdx, textToBlocks } from './text-blocks.ts';

export interface PracticeInput {
  city: string;
  title: string;
  submission: string;
  topics: string[];
  startYear: number;
  endYear?: number | undefined;
  status?: string | undefined;
  statusYear?: number | undefined;
  summary?: string | undefined;
  transferability?: string | undefined;
  operator?: string | undefined;
  partners?: string[] | undefined;
  programme?: { name: string; kind?: string | undefined; startYear: number; endYear: number } | undefined;
  contact?: {
    organisation?: string | undefined;
    department?: string | undefined;
    person?: string | undefined;
    email?: string | undefined;
    phone?: string | undefined;
    website?: string | undefined;
    /** `YYYY-MM-DD`: only a date the city itself gave. */
    confirmed?: string | undefined;
  } | undefined;
  /** The practice of another city this one repeats, and what was changed. */
  adaptedFrom?: { practice: string; changes: string } | undefined;
  /** Plain text of the description; paragraphs by line, kept verbatim. */
  body?: string | undefined;
  /** `YYYY-MM-DD`. */
  published: string;
}

const placeholder = (what: string) => `${PLACEHOLDER}: ${what}`;

const blank = (value: string | undefined) => value === undefined || value.trim() === '';

/** Drops undefined and empty values so the file holds only what was given. */
function compact<T extends Record<string, unknown>>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0))) as Partial<T>;
}

/** The frontmatter, in the field order of `schema.ts`; missing texts become marked placeholders. */
export function practiceData(input: PracticeInput): Record<string, unknown> {
  const contact = compact({
    organisation: blank(input.contact?.organisation) ? placeholder('организация, к которой обращаться') : input.contact?.organisation?.trim(),
    department: input.contact?.department?.trim(),
    person: input.contact?.person?.trim(),
    email: input.contact?.email?.trim(),
    phone: input.contact?.phone?.trim(),
    website: input.contact?.website?.trim(),
    confirmed: input.contact?.confirmed?.trim(),
  });
  const data = compact({
    title: input.title.trim(),
    city: input.city,
    submission: input.submission,
    summary: blank(input.summary) ? placeholder('что это за практика, до 300 знаков, по тексту материала') : input.summary?.trim(),
    topics: input.topics,
    startYear: input.startYear,
    endYear: input.endYear,
    status: input.status ?? 'unknown',
    statusYear: input.statusYear ?? input.startYear,
    programme: input.programme ? compact({ ...input.programme, kind: input.programme.kind?.trim() }) : undefined,
    operator: input.operator?.trim(),
    partners: input.partners?.map((p) => p.trim()).filter(Boolean),
    transferability: blank(input.transferability) ? placeholder('что нужно другому городу, чтобы повторить практику') : input.transferability?.trim(),
    contact,
    adaptedFrom: input.adaptedFrom ? { practice: input.adaptedFrom.practice.trim(), changes: input.adaptedFrom.changes.trim() } : undefined,
    published: input.published,
  });
  // Kept, and empty: figures are the editor's to add from the submission text, never the form's.
  const ordered: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (key === 'transferability') ordered.metrics = [];
    ordered[key] = value;
  }
  return ordered;
}

/** The whole `.mdx` file. */
export function practiceMdx(input: PracticeInput): string {
  const yaml = stringify(practiceData(input), { lineWidth: 0 })
    // An empty list is kept on purpose, with a note on where its figures come from.
    .replace(/^metrics: \[\]$/m, 'metrics: [] # показатели добавляет редактор: только цифры из текста материала, дословно (metrics[].source)');
  const body = blank(input.body)
    ? placeholder('описание практики по тексту материала; каждая цифра — из материала города')
    : blocksToMdx(textToBlocks(input.body ?? ''));
  return `---\n${yaml}---\n\n${body}\n`;
}

const TRANSLIT: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n',
  о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '',
  э: 'e', ю: 'yu', я: 'ya',
};

/** A file name from a Russian title: «Неделя озеленения» → `nedelya-ozeleneniya`. */
export function slugify(title: string, maxLength = 60): string {
  const latin = [...title.toLowerCase()].map((ch) => TRANSLIT[ch] ?? ch).join('');
  const slug = latin.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return slug.slice(0, maxLength).replace(/-+$/, '') || 'practice';
}
