/** One change made through Steward, as `GET /api/audit` lists it. */
export interface AuditEventView {
  id: string;
  at: string;
  actorSub: string;
  action: string;
  targetType: string;
  targetId: string;
  requestId: string | null;
}
