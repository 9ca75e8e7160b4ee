/** Lifecycle of a business record. */
export const RECORD_STATUSES = ['draft', 'active', 'archived'] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];

/** Fields of a record a client may send; everything else is owned by the server. */
export interface RecordInput {
  title: string;
  description: string;
  status: RecordStatus;
  tags: string[];
}

export const RECORD_LIMITS = { title: 200, description: 10_000, tags: 20, tag: 40 } as const;

/** Sort keys `GET /api/records` accepts; prefix with `-` for descending. */
export const RECORD_SORT_FIELDS = ['updatedAt', 'createdAt', 'title'] as const;
export type RecordSortField = (typeof RECORD_SORT_FIELDS)[number];
export type RecordSort = RecordSortField | `-${RecordSortField}`;

/** A record as the API returns it. */
export interface RecordView extends RecordInput {
  id: string;
  version: number;
  ownerSub: string;
  updatedBy: string;
  createdAt: string;
  updatedAt: string;
}

/** One page of a cursor-paged list; `nextCursor` is null on the last page. */
export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

/** One entry of a record's history: who changed which fields, from what to what, and when. */
export interface RecordChangeView {
  action: 'created' | 'updated' | 'deleted' | 'restored';
  actorSub: string;
  at: string;
  changes: Record<string, { from: unknown; to: unknown }>;
}
