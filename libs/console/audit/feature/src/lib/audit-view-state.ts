import { AUDIT_ACTION_PATTERN } from './audit-actions';

/** Page sizes the console offers; the API allows 1–100. */
export const AUDIT_PAGE_SIZES = [25, 50, 100] as const;
export const DEFAULT_AUDIT_PAGE_SIZE = 50;

const MAX_ACTOR_LENGTH = 255;
const MAX_CURSOR_LENGTH = 200;

/** The `action` query parameter, or null when it is missing or could not be a valid action. */
export function actionParam(raw: string | undefined): string | null {
  return raw && AUDIT_ACTION_PATTERN.test(raw) ? raw : null;
}

/** The `actor` query parameter, trimmed, or null when it is missing or too long to be a subject. */
export function actorParam(raw: string | undefined): string | null {
  const actor = raw?.trim() ?? '';
  return actor && actor.length <= MAX_ACTOR_LENGTH ? actor : null;
}

/** The `limit` query parameter when it is one of the offered sizes, otherwise the default. */
export function pageSizeParam(raw: string | undefined): number {
  const size = Number(raw);
  return (AUDIT_PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_AUDIT_PAGE_SIZE;
}

/**
 * The `after` query parameter: the cursors of every page passed on the way to the current one,
 * oldest first (`after=c1,c2` shows the page that starts at `c2`; "Newer" goes back to `c1`).
 */
export function trailParam(raw: string | undefined): string[] {
  return (raw ?? '').split(',').filter((cursor) => cursor !== '' && cursor.length <= MAX_CURSOR_LENGTH);
}
