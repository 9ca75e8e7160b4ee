/**
 * What became of an audited change: `pending` is written before the upstream call (write-ahead) and
 * stays so only when the outcome could not be recorded; `failed` means the change did not complete.
 */
export const AUDIT_OUTCOMES = ['pending', 'succeeded', 'failed'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** One change made through Steward, as `GET /api/audit` lists it. */
export interface AuditEventView {
  id: string;
  at: string;
  actorSub: string;
  action: string;
  targetType: string;
  targetId: string;
  /** The server-generated id of the request that made the change. */
  requestId: string | null;
  /** The caller's own `X-Request-Id`, when it sent a usable one. */
  correlationId: string | null;
  outcome: AuditOutcome;
}
