/** A user's `app_metadata` or `user_metadata`. */
export type Metadata = Record<string, unknown>;

/**
 * Auth0's metadata update: top-level keys of the patch replace the stored ones (nested objects
 * are not merged), a `null` value deletes its key, and an empty patch object clears everything.
 */
export function mergeMetadata(current: Metadata, patch: Metadata): Metadata {
  if (Object.keys(patch).length === 0) return {};
  const merged: Metadata = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else merged[key] = structuredClone(value);
  }
  return merged;
}
