import { HttpErrorResponse, HttpHeaders, HttpRequest, HttpResponse, type HttpEvent } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { CONSOLE_CONFIG } from '@steward/console-auth-data-access';
import { defer, firstValueFrom, of, throwError, type Observable } from 'rxjs';
import { Activity } from './activity';
import { apiErrorInterceptor } from './api-errors';
import { ApiNotices } from './api-notices';

const API = 'https://api.example.com';

function failure(status: number, headers: Record<string, string> = {}): HttpErrorResponse {
  return new HttpErrorResponse({ status, headers: new HttpHeaders(headers), url: `${API}/api/records` });
}

/** A fake backend: like HttpClient's, each subscription sends the request and gets the next scripted outcome. */
function backend(...outcomes: (HttpErrorResponse | object)[]) {
  const sent = jest.fn();
  const next = (): Observable<HttpEvent<unknown>> =>
    defer(() => {
      sent();
      const outcome = outcomes.shift();
      if (outcome === undefined) throw new Error('unexpected request');
      return outcome instanceof HttpResponse ? of(outcome) : throwError(() => outcome);
    });
  return Object.assign(next, { sent });
}

const ok = new HttpResponse({ status: 200, body: { items: [] } });

function setup(offerRetry: boolean[] = []) {
  const notices = {
    endSession: jest.fn(),
    tell: jest.fn(),
    offerRetry: jest.fn(() => of(offerRetry.shift() ?? false)),
  };
  TestBed.configureTestingModule({
    providers: [
      { provide: CONSOLE_CONFIG, useValue: { apiUrl: API } },
      { provide: ApiNotices, useValue: notices },
    ],
  });
  return notices;
}

function call(
  next: ReturnType<typeof backend>,
  method = 'GET',
  url = `${API}/api/records`,
  headers = new HttpHeaders(),
) {
  const request = new HttpRequest(method, url, method === 'GET' ? null : {}, { headers });
  return firstValueFrom(TestBed.runInInjectionContext(() => apiErrorInterceptor(request, next)));
}

describe('apiErrorInterceptor', () => {
  afterEach(() => jest.useRealTimers());

  it('should retry a busy API after Retry-After and announce the wait', async () => {
    setup();
    jest.useFakeTimers();
    const next = backend(failure(503, { 'Retry-After': '2' }), failure(429), ok);
    const response = call(next);
    await jest.advanceTimersByTimeAsync(0);
    expect(TestBed.inject(Activity).retrying()).toBe(true);
    await jest.advanceTimersByTimeAsync(1_999);
    expect(next.sent).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(next.sent).toHaveBeenCalledTimes(2);
    await jest.advanceTimersByTimeAsync(1_000);
    await expect(response).resolves.toBe(ok);
    expect(TestBed.inject(Activity).retrying()).toBe(false);
  });

  it('should say the API is busy once its retries are spent', async () => {
    const notices = setup();
    jest.useFakeTimers();
    const next = backend(failure(429), failure(429), failure(429), failure(429));
    const response = call(next).catch((error: unknown) => error);
    await jest.advanceTimersByTimeAsync(10_000);
    expect(await response).toBeInstanceOf(HttpErrorResponse);
    expect(next.sent).toHaveBeenCalledTimes(4);
    expect(notices.tell).toHaveBeenCalledWith('Steward is busy. Please try again in a moment.');
  });

  it('should end the session on 401 and when a token cannot be renewed', async () => {
    const notices = setup();
    await expect(call(backend(failure(401)))).rejects.toBeInstanceOf(HttpErrorResponse);
    await expect(call(backend({ error: 'login_required' }))).rejects.toEqual({ error: 'login_required' });
    expect(notices.endSession).toHaveBeenCalledTimes(2);
  });

  it("should tell the user they don't have access when a permission is missing", async () => {
    const notices = setup();
    const refusal = failure(403, { 'WWW-Authenticate': 'Bearer realm="api", error="insufficient_scope"' });
    await expect(call(backend(refusal))).rejects.toBeInstanceOf(HttpErrorResponse);
    await expect(call(backend(failure(403)))).rejects.toBeInstanceOf(HttpErrorResponse);
    expect(notices.tell).toHaveBeenCalledTimes(2);
    expect(notices.tell).toHaveBeenCalledWith("You don't have access to do that.");
  });

  it('should leave a 403 that gives a business reason to the page', async () => {
    const notices = setup();
    const ceiling = new HttpErrorResponse({
      status: 403,
      error: { type: 'about:blank', title: 'Forbidden', status: 403, detail: 'You cannot grant the admin role.' },
    });
    await expect(call(backend(ceiling), 'PUT')).rejects.toBe(ceiling);
    expect(notices.tell).not.toHaveBeenCalled();
  });

  it('should resend a safe request when the user asks to retry after a network failure', async () => {
    const notices = setup([true]);
    const next = backend(failure(0), ok);
    await expect(call(next)).resolves.toBe(ok);
    expect(notices.offerRetry).toHaveBeenCalledWith('The Steward API cannot be reached.');
    expect(next.sent).toHaveBeenCalledTimes(2);
  });

  it('should never offer to repeat a POST, which may have been applied', async () => {
    const notices = setup([true]);
    const next = backend(failure(502), ok);
    await expect(call(next, 'POST')).rejects.toBeInstanceOf(HttpErrorResponse);
    expect(notices.offerRetry).not.toHaveBeenCalled();
    expect(notices.tell).toHaveBeenCalledWith('The Steward API failed (502). Check the list before trying again.');
    expect(next.sent).toHaveBeenCalledTimes(1);
  });

  it('should leave validation, conflicts and calls to other origins to the caller', async () => {
    const notices = setup();
    await expect(call(backend(failure(412)), 'PATCH')).rejects.toBeInstanceOf(HttpErrorResponse);
    await expect(call(backend(failure(401)), 'GET', 'https://tenant.example.com/userinfo')).rejects.toBeInstanceOf(
      HttpErrorResponse,
    );
    expect(notices.endSession).not.toHaveBeenCalled();
    expect(notices.tell).not.toHaveBeenCalled();
  });
});
