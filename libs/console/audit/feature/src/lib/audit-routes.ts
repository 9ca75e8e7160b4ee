import type { Route } from '@angular/router';
import { AuditPage } from './audit-page';

/** The audit screen, mounted by the app at `audit` behind sign-in and `read:audit`. */
export const auditRoutes: Route[] = [{ path: '', component: AuditPage, title: 'Audit log · Steward' }];
