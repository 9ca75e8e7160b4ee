import { API_AUDIENCE } from '@steward/testing-util';

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export interface Refusal {
  status: number;
  /** `null`: the bare challenge `Bearer realm="api"`. */
  error: string | null;
  scope?: string;
}

/**
 * Asserts an RFC 6750 refusal: status, one consistent challenge, a problem+json body, and nothing
 * in the body or challenge that gives away the token, the expected issuer/audience or the stack.
 */
export async function expectRefusal(
  response: Response,
  expected: Refusal,
  secrets: (string | undefined)[] = [],
): Promise<string> {
  expect(response.status).toBe(expected.status);
  const challenge = response.headers.get('www-authenticate') ?? '';
  if (expected.error === null) {
    expect(challenge).toBe('Bearer realm="api"');
  } else {
    expect(challenge).toMatch(new RegExp(`^Bearer realm="api", error="${expected.error}", error_description="[^"]+"`));
  }
  if (expected.scope) expect(challenge).toContain(`scope="${expected.scope}"`);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const text = await response.text();
  const problem = JSON.parse(text) as { type: string; title: string; status: number; detail: string };
  expect(problem).toMatchObject({
    type: 'about:blank',
    status: expected.status,
    title: expect.any(String),
    detail: expect.any(String),
  });
  for (const secret of [...secrets, API_AUDIENCE, 'jsonwebtoken', 'passport', 'jwks-rsa', 'Error:', '    at ']) {
    if (secret) {
      expect(text).not.toContain(secret);
      expect(challenge).not.toContain(secret);
    }
  }
  return problem.detail;
}

/** Polls until `check` passes or `timeoutMs` elapses; returns the elapsed milliseconds. */
export async function within(timeoutMs: number, check: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return Date.now() - started;
}
