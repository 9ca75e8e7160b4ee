import { DOCUMENT } from '@angular/common';
import { Injectable, inject } from '@angular/core';

const SIGNED_IN_KEY = 'steward.signedIn';
const RESTORE_KEY = 'steward.sessionRestore';

/**
 * What the console remembers about sign-in between page loads — never a token: that this browser
 * had a session (localStorage, so new tabs know it too) and that this tab has just sent the user
 * to the tenant to restore it (sessionStorage, one attempt per tab, with the address to return to).
 */
@Injectable({ providedIn: 'root' })
export class SessionMarker {
  private readonly window = inject(DOCUMENT).defaultView;

  hadSession(): boolean {
    return this.read('localStorage', SIGNED_IN_KEY) === '1';
  }

  remember(): void {
    this.write('localStorage', SIGNED_IN_KEY, '1');
  }

  forget(): void {
    this.write('localStorage', SIGNED_IN_KEY, null);
  }

  /** Notes that this tab is leaving for the tenant to restore the session at `target`. */
  beginRestore(target: string): void {
    this.write('sessionStorage', RESTORE_KEY, target);
  }

  /** The address of a restore attempt this tab started, if any; reading it ends the attempt. */
  takeRestore(): string | null {
    const target = this.read('sessionStorage', RESTORE_KEY);
    this.write('sessionStorage', RESTORE_KEY, null);
    return target;
  }

  // Storage can be switched off or full; then the console simply forgets (no restore, no loop).
  private read(area: 'localStorage' | 'sessionStorage', key: string): string | null {
    try {
      return this.window?.[area].getItem(key) ?? null;
    } catch {
      return null;
    }
  }

  private write(area: 'localStorage' | 'sessionStorage', key: string, value: string | null): void {
    try {
      if (value === null) this.window?.[area].removeItem(key);
      else this.window?.[area].setItem(key, value);
    } catch {
      // see read()
    }
  }
}
