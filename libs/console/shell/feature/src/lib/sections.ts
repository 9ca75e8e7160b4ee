import type { Permission } from '@steward/shared-domain';

/** A top-level screen of the console and the permission that opens it. */
export interface ConsoleSection {
  path: string;
  label: string;
  summary: string;
  permission: Permission;
}

/** The console's screens, in menu order; menus and the home page show those the user may open. */
export const CONSOLE_SECTIONS: readonly ConsoleSection[] = [
  {
    path: '/records',
    label: 'Records',
    summary: 'Browse, create and edit business records.',
    permission: 'read:records',
  },
  {
    path: '/users',
    label: 'Users',
    summary: 'Invite people, manage roles, block or remove accounts.',
    permission: 'read:users',
  },
  { path: '/audit', label: 'Audit log', summary: 'See who changed what, and when.', permission: 'read:audit' },
];
