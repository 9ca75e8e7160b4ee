import type { Route } from '@angular/router';
import { requirePermissions, requireSignIn } from '@steward/console-auth-data-access';
import { HomePage, NoAccessPage } from '@steward/console-shell-feature';

export const appRoutes: Route[] = [
  { path: '', pathMatch: 'full', component: HomePage, title: 'Steward' },
  {
    path: 'records',
    canActivate: [requireSignIn, requirePermissions('read:records')],
    loadChildren: () => import('@steward/console-records-feature').then((m) => m.recordsRoutes),
  },
  {
    path: 'users',
    canActivate: [requireSignIn, requirePermissions('read:users')],
    loadChildren: () => import('@steward/console-users-feature').then((m) => m.usersRoutes),
  },
  {
    path: 'audit',
    canActivate: [requireSignIn, requirePermissions('read:audit')],
    loadChildren: () => import('@steward/console-audit-feature').then((m) => m.auditRoutes),
  },
  {
    path: 'profile',
    canActivate: [requireSignIn],
    loadComponent: () => import('@steward/console-profile-feature').then((m) => m.ProfilePage),
    title: 'Profile · Steward',
  },
  { path: 'no-access', component: NoAccessPage, title: 'No access · Steward' },
  { path: '**', redirectTo: '' },
];
