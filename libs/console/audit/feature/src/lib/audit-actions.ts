/** The actions the API records (records.service.ts, users.service.ts), with the words the console shows. */
export const AUDIT_ACTIONS: readonly { code: string; label: string }[] = [
  { code: 'record.created', label: 'Record created' },
  { code: 'record.updated', label: 'Record updated' },
  { code: 'record.deleted', label: 'Record deleted' },
  { code: 'record.restored', label: 'Record restored' },
  { code: 'user.created', label: 'User created' },
  { code: 'user.updated', label: 'User updated' },
  { code: 'user.blocked', label: 'User blocked' },
  { code: 'user.unblocked', label: 'User unblocked' },
  { code: 'user.deleted', label: 'User deleted' },
  { code: 'user.roles_changed', label: 'User roles changed' },
  { code: 'user.password_reset', label: 'Password reset requested' },
];

/** The shape `GET /api/audit` accepts for `action`; anything else would be a 400. */
export const AUDIT_ACTION_PATTERN = /^[a-z]+\.[a-z_]+$/;

/** Human words for an action code; codes the console does not know yet are spelled out from their parts. */
export function actionLabel(code: string): string {
  const known = AUDIT_ACTIONS.find((action) => action.code === code);
  if (known) return known.label;
  const words = code.replace(/[._]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
