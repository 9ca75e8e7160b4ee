import type { Route } from '@angular/router';
import { requirePermissions } from '@steward/console-auth-data-access';
import { NewRecordPage } from './new-record-page';
import { RecordPage } from './record-page';
import { RecordsListPage } from './records-list-page';

/**
 * The Records screens, mounted by the app at `records`: the list (`''`), a new record (`new`)
 * and one record (`:id`, bound to `RecordPage.id`; needs `withComponentInputBinding()`).
 * Sign-in is the app's guard to put on the mount; these check permissions from `GET /api/me`.
 */
export const recordsRoutes: Route[] = [
  {
    path: '',
    canActivate: [requirePermissions('read:records')],
    children: [
      { path: '', pathMatch: 'full', component: RecordsListPage, title: 'Records · Steward' },
      {
        path: 'new',
        canActivate: [requirePermissions('create:records')],
        component: NewRecordPage,
        title: 'New record · Steward',
      },
      { path: ':id', component: RecordPage, title: 'Record · Steward' },
    ],
  },
];
