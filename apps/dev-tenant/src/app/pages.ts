import type { RequestHandler } from 'express';
/** The dev tenant's pages: plain HTML with inline styles, no external assets (it runs offline). */
export function renderPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${title} · Steward dev tenant</title>
  <style>
    body { font-family: system-ui, sans-serif; background: #eef1f6; margin: 0; display: grid; place-items: center; min-height: 100vh; color: #1b1f24; }
    main { background: #fff; padding: 2rem 2.5rem; border-radius: 12px; box-shadow: 0 4px 18px rgb(0 0 0 / 12%); width: min(360px, 90vw); }
    h1 { font-size: 1.35rem; margin: 0 0 .25rem; }
    p.hint { color: #555; margin: 0 0 1.5rem; font-size: .9rem; }
    label { display: block; font-weight: 600; font-size: .9rem; margin: 1rem 0 .35rem; }
    input { width: 100%; box-sizing: border-box; padding: .65rem .75rem; font-size: 1rem; border: 1px solid #b8c0cc; border-radius: 6px; }
    input:focus { outline: 3px solid #8ab4f8; border-color: #1a56db; }
    button { margin-top: 1.5rem; width: 100%; padding: .75rem; font-size: 1rem; font-weight: 600; color: #fff; background: #1a56db; border: 0; border-radius: 6px; cursor: pointer; }
    .error { background: #fde8e8; color: #9b1c1c; padding: .65rem .75rem; border-radius: 6px; margin: 1rem 0 0; }
    .banner { font-size: .75rem; text-transform: uppercase; letter-spacing: .08em; color: #b45309; margin-bottom: 1rem; }
  </style>
</head>
<body><main>${body}</main></body>
</html>`;
}

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: unknown): string {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The Universal-Login-like sign-in page. */
export function renderLoginPage(options: {
  action: string;
  clientName: string;
  email?: string;
  error?: string;
}): string {
  const error = options.error ? `<p class="error" role="alert">${escapeHtml(options.error)}</p>` : '';
  return renderPage(
    'Sign in',
    `
    <div class="banner">Development tenant — not Auth0</div>
    <h1>Sign in</h1>
    <p class="hint">to continue to ${escapeHtml(options.clientName)}</p>
    <form method="post" action="${escapeHtml(options.action)}" novalidate>
      <label for="email">Email address</label>
      <input id="email" name="email" type="email" autocomplete="username" required autofocus value="${escapeHtml(options.email ?? '')}">
      <label for="password">Password</label>
      <input id="password" name="password" type="password" autocomplete="current-password" required>
      ${error}
      <button type="submit">Continue</button>
    </form>`,
  );
}

/** The password-change page a ticket links to (Auth0's `/lo/reset`). */
export function renderResetPasswordPage(options: { ticket: string; email: string; error?: string }): string {
  const error = options.error ? `<p class="error" role="alert">${escapeHtml(options.error)}</p>` : '';
  return renderPage(
    'Change your password',
    `
    <div class="banner">Development tenant — not Auth0</div>
    <h1>Change your password</h1>
    <p class="hint">for ${escapeHtml(options.email)}</p>
    <form method="post" action="/lo/reset" novalidate>
      <input type="hidden" name="ticket" value="${escapeHtml(options.ticket)}">
      <label for="newPassword">New password</label>
      <input id="newPassword" name="newPassword" type="password" autocomplete="new-password" minlength="8" required autofocus>
      <label for="confirmNewPassword">Confirm new password</label>
      <input id="confirmNewPassword" name="confirmNewPassword" type="password" autocomplete="new-password" minlength="8" required>
      ${error}
      <button type="submit">Reset password</button>
    </form>`,
  );
}

/** A page with a heading and one sentence. */
export function renderMessagePage(title: string, message: string): string {
  return renderPage(
    title,
    `
    <div class="banner">Development tenant — not Auth0</div>
    <h1>${escapeHtml(title)}</h1>
    <p>${escapeHtml(message)}</p>`,
  );
}

/** Headers of every page the tenant renders: never cached, never framed, no scripts from anywhere. */
export const pageHeaders: RequestHandler = (_req, res, next) => {
  res.set({
    'Cache-Control': 'no-store',
    'X-Frame-Options': 'DENY',
    'Content-Security-Policy': "default-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    'Referrer-Policy': 'no-referrer',
  });
  next();
};
