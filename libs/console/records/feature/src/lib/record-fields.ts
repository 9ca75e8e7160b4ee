import type { RecordInput, RecordStatus } from '@steward/shared-domain';

/** The fields a user edits, in the order forms and comparisons show them. */
export const RECORD_FIELDS = [
  'title',
  'description',
  'status',
  'tags',
] as const satisfies readonly (keyof RecordInput)[];

export const FIELD_LABELS: Record<string, string> = {
  title: 'Title',
  description: 'Description',
  status: 'Status',
  tags: 'Tags',
};

export const STATUS_LABELS: Record<RecordStatus, string> = { draft: 'Draft', active: 'Active', archived: 'Archived' };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields of `after` that differ from `before`: what a PATCH has to send. */
export function changedFields(before: RecordInput, after: RecordInput): Partial<RecordInput> {
  const changes: Partial<RecordInput> = {};
  for (const field of RECORD_FIELDS) {
    if (!same(before[field], after[field])) Object.assign(changes, { [field]: after[field] });
  }
  return changes;
}

/** The fields of `version` whose value differs from `current`. */
export function differingFields(version: Partial<RecordInput>, current: RecordInput): (keyof RecordInput)[] {
  return RECORD_FIELDS.filter((field) => field in version && !same(version[field], current[field]));
}

/** The client-owned fields of a record. */
export function inputOf(record: RecordInput): RecordInput {
  return { title: record.title, description: record.description, status: record.status, tags: [...record.tags] };
}

/** A field value as text: tag lists joined, statuses labelled, nothing shown as a dash. */
export function formatValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length ? value.join(', ') : '—';
  if (field === 'status' && typeof value === 'string' && value in STATUS_LABELS) {
    return STATUS_LABELS[value as RecordStatus];
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}
