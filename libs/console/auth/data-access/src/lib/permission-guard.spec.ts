import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter, type RouterStateSnapshot, type UrlTree } from '@angular/router';
import type { Me } from '@steward/shared-domain';
import { firstValueFrom, isObservable, type Observable } from 'rxjs';
import { CONSOLE_CONFIG } from './console-config';
import { requirePermissions } from './permission-guard';
import { Session } from './session';

const state = { url: '/users?q=ada' } as RouterStateSnapshot;

function setup(isAuthenticated = true) {
  TestBed.configureTestingModule({
    providers: [
      provideRouter([]),
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: CONSOLE_CONFIG, useValue: { apiUrl: 'https://api.example.com' } },
      { provide: Session, useValue: { isAuthenticated: signal(isAuthenticated), isLoading: signal(false) } },
    ],
  });
}

async function check(...granted: Me['permissions']): Promise<true | string> {
  const result = TestBed.runInInjectionContext(() =>
    requirePermissions('read:users', 'read:audit')({} as never, state),
  );
  if (!isObservable(result)) throw new Error('expected an observable');
  const settled = firstValueFrom(result as Observable<boolean | UrlTree>);
  TestBed.tick();
  TestBed.inject(HttpTestingController)
    .expectOne('https://api.example.com/api/me')
    .flush({ sub: 'auth0|1', roles: [], permissions: granted });
  const value = await settled;
  return value === true ? true : TestBed.inject(Router).serializeUrl(value as UrlTree);
}

describe('requirePermissions', () => {
  it('should let a user holding every permission in', async () => {
    setup();
    await expect(check('read:users', 'read:audit', 'read:records')).resolves.toBe(true);
  });

  it('should send a user missing one permission to the no-access page, naming the page they asked for', async () => {
    setup();
    await expect(check('read:users')).resolves.toBe('/no-access?from=%2Fusers%3Fq%3Dada');
  });

  it('should refuse a signed-out visitor', async () => {
    setup(false);
    const result = TestBed.runInInjectionContext(() => requirePermissions('read:users')({} as never, state));
    const value = await firstValueFrom(result as Observable<boolean | UrlTree>);
    expect(value).not.toBe(true);
  });
});
