import type { AccountChanges, NewAccount } from '../accounts';
import type { Metadata } from '../metadata';
import { DATABASE_CONNECTION } from '../stable-ids';
import { invalidBody, ManagementApiError } from './management-errors';

/** Shortest password the database connection accepts (the dev tenant's password policy). */
export const MIN_PASSWORD_LENGTH = 8;

/** Auth0 profile fields the dev tenant does not model: refused rather than silently dropped. */
const NOT_MODELLED = [
  'given_name',
  'family_name',
  'picture',
  'phone_number',
  'phone_verified',
  'verify_phone_number',
  'username',
  'user_id',
];

type Body = Record<string, unknown>;

/** Checks a `POST /api/v2/users` body. */
export function readNewUser(raw: unknown): NewAccount {
  const body = requireObject(raw);
  checkProperties(body, [
    'connection',
    'email',
    'password',
    'name',
    'nickname',
    'email_verified',
    'verify_email',
    'blocked',
    'app_metadata',
    'user_metadata',
  ]);
  if (body['connection'] === undefined)
    throw invalidBody(`Payload validation error: 'Missing required property: connection'.`);
  checkConnection(body['connection']);
  if (body['email'] === undefined) throw invalidBody(`Payload validation error: 'Missing required property: email'.`);
  optionalBoolean(body, 'verify_email');
  return {
    email: readEmail(body['email']),
    ...profileFields(body),
  };
}

/** Checks a `PATCH /api/v2/users/{id}` body. */
export function readUserChanges(raw: unknown): AccountChanges {
  const body = requireObject(raw);
  checkProperties(body, [
    'name',
    'nickname',
    'blocked',
    'email',
    'email_verified',
    'verify_email',
    'password',
    'connection',
    'client_id',
    'app_metadata',
    'user_metadata',
  ]);
  if (Object.keys(body).length === 0)
    throw invalidBody(`Payload validation error: 'Too few properties defined (0), minimum 1'.`);
  if (body['connection'] !== undefined) checkConnection(body['connection']);
  if (body['client_id'] !== undefined && typeof body['client_id'] !== 'string')
    throw typeError('client_id', 'string', body['client_id']);
  optionalBoolean(body, 'verify_email');
  return {
    email: body['email'] === undefined ? undefined : readEmail(body['email']),
    ...profileFields(body),
  };
}

/** Auth0's password-policy refusal, shared with the password-change page. */
export function checkPasswordStrength(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new ManagementApiError(400, 'PasswordStrengthError: Password is too weak', 'invalid_password');
  }
}

function requireObject(raw: unknown): Body {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw invalidBody(`Payload validation error: 'Expected type object but found type ${describe(raw)}'.`);
  }
  return raw as Body;
}

function checkProperties(body: Body, allowed: string[]): void {
  for (const key of Object.keys(body)) {
    if (NOT_MODELLED.includes(key))
      throw invalidBody(`The property ${key} is not supported by the Steward dev tenant.`);
    if (!allowed.includes(key))
      throw invalidBody(`Payload validation error: 'Additional properties not allowed: ${key}'.`);
  }
}

function checkConnection(connection: unknown): void {
  if (typeof connection !== 'string') throw typeError('connection', 'string', connection);
  if (connection !== DATABASE_CONNECTION)
    throw new ManagementApiError(400, 'The connection does not exist.', 'inexistent_connection');
}

function readEmail(email: unknown): string {
  if (typeof email !== 'string') throw typeError('email', 'string', email);
  if (email.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    throw invalidBody(
      `Payload validation error: 'Object didn't pass validation for format email: ${email}' on property email (The user's email).`,
    );
  }
  return email;
}

function optionalPassword(body: Body): string | undefined {
  const password = body['password'];
  if (password === undefined) return undefined;
  if (typeof password !== 'string') throw typeError('password', 'string', password);
  checkPasswordStrength(password);
  return password;
}

function optionalText(body: Body, key: string): string | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw typeError(key, 'string', value);
  if (value.length < 1 || value.length > 300) {
    throw invalidBody(
      `Payload validation error: 'String is ${value.length < 1 ? 'too short (0 chars), minimum 1' : `too long (${value.length} chars), maximum 300`}' on property ${key}.`,
    );
  }
  return value;
}

function optionalBoolean(body: Body, key: string): boolean | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') throw typeError(key, 'boolean', value);
  return value;
}

function optionalMetadata(body: Body, key: string): Metadata | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw typeError(key, 'object', value);
  return value as Metadata;
}

function typeError(key: string, expected: string, value: unknown): ManagementApiError {
  return invalidBody(
    `Payload validation error: 'Expected type ${expected} but found type ${describe(value)}' on property ${key}.`,
  );
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** The profile fields a create and an update share. */
function profileFields(body: Body): Omit<AccountChanges, 'email'> {
  return {
    password: optionalPassword(body),
    name: optionalText(body, 'name'),
    nickname: optionalText(body, 'nickname'),
    emailVerified: optionalBoolean(body, 'email_verified'),
    blocked: optionalBoolean(body, 'blocked'),
    appMetadata: optionalMetadata(body, 'app_metadata'),
    userMetadata: optionalMetadata(body, 'user_metadata'),
  };
}
