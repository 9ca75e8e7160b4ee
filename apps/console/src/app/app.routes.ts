import type { Route } from '@angular/router';
import { authGuardFn } from '@auth0/auth0-angular';
import { HomePage } from '@steward/console-shell-feature';

export const appRoutes: Route[] = [
  { path: '', pathMatch: 'full', component: HomePage, title: 'Steward' },
  {
    path: 'profile',
    canActivate: [authGuardFn],
    loadComponent: () => import('@steward/console-profile-feature').then((m) => m.ProfilePage),
    title: 'Profile · Steward',
  },
  { path: '**', redirectTo: '' },
];
