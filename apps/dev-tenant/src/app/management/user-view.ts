import { createHash } from 'node:crypto';
import type { Account } from '../accounts';
import { DATABASE_CONNECTION } from '../stable-ids';

/** A user as the Management API returns it. */
export interface Auth0User {
  user_id: string;
  email: string;
  email_verified: boolean;
  name: string;
  nickname: string;
  picture: string;
  blocked: boolean;
  created_at: string;
  updated_at: string;
  last_login?: string;
  logins_count: number;
  identities: { connection: string; provider: 'auth0'; user_id: string; isSocial: false }[];
  app_metadata: Record<string, unknown>;
  user_metadata: Record<string, unknown>;
}

/** Shapes an account like Auth0's user (`last_login` only once the user has signed in). */
export function toAuth0User(account: Account): Auth0User {
  return {
    user_id: account.userId,
    email: account.email,
    email_verified: account.emailVerified,
    name: account.name,
    nickname: account.nickname,
    picture: initialsPicture(account.name || account.email),
    blocked: account.blocked,
    created_at: account.createdAt,
    updated_at: account.updatedAt,
    ...(account.lastLogin ? { last_login: account.lastLogin } : {}),
    logins_count: account.loginsCount,
    identities: [
      {
        connection: DATABASE_CONNECTION,
        provider: 'auth0',
        user_id: account.userId.replace(/^auth0\|/, ''),
        isSocial: false,
      },
    ],
    app_metadata: account.appMetadata,
    user_metadata: account.userMetadata,
  };
}

/** Auth0's `fields` + `include_fields`: keep only, or leave out, the listed top-level fields. */
export function selectFields(user: Auth0User, fields: string | undefined, includeFields: boolean): Partial<Auth0User> {
  if (!fields) return user;
  const listed = new Set(
    fields
      .split(',')
      .map((field) => field.trim())
      .filter(Boolean),
  );
  return Object.fromEntries(Object.entries(user).filter(([key]) => listed.has(key) === includeFields));
}

/** An avatar with the user's initials, inline: the dev tenant links to nothing outside itself. */
function initialsPicture(name: string): string {
  const initials = (name.match(/\p{L}+/gu) ?? ['?'])
    .slice(0, 2)
    .map((word) => word[0])
    .join('')
    .toUpperCase();
  const hue = (createHash('sha256').update(name).digest()[0] * 360) / 256;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">` +
    `<rect width="64" height="64" rx="32" fill="hsl(${Math.round(hue)} 45% 42%)"/>` +
    `<text x="32" y="41" text-anchor="middle" font-family="sans-serif" font-size="24" fill="#fff">${initials.replace(/[<>&]/g, '')}</text></svg>`;
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}
