import type { Route } from '@angular/router';
import { UserPage } from './user-page';
import { UsersPage } from './users-page';

/** The Users screens, mounted under `users` behind `read:users`: the list and one user's page. */
export const usersRoutes: Route[] = [
  { path: '', component: UsersPage, title: 'Users · Steward' },
  { path: ':id', component: UserPage, title: 'User · Steward' },
];
