import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { CurrentUser, Session } from '@steward/console-auth-data-access';
import { Activity, ApiNotices } from '@steward/console-core-data-access';
import { CONSOLE_SECTIONS } from './sections';
import { UserMenu } from './user-menu';

/**
 * The console's frame: top bar with the user's sections and menu, request progress, session notices.
 * Plain HTML with the theme's `st-button` (global styles), no Material: it loads with every page.
 */
@Component({
  selector: 'st-shell',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, UserMenu],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a class="skip" href="#content" (click)="skipToContent($event)">Skip to content</a>
    <header>
      <div class="progress">
        @if (session.isLoading() || activity.busy()) {
          <div class="indeterminate" role="progressbar" aria-label="Loading" data-testid="progress"></div>
        }
      </div>
      <div class="bar">
        <a class="brand" routerLink="/">Steward</a>
        @if (session.isAuthenticated()) {
          <nav aria-label="Main">
            @for (section of sections(); track section.path) {
              <a
                class="st-button plain"
                [routerLink]="section.path"
                routerLinkActive="active"
                ariaCurrentWhenActive="page"
                >{{ section.label }}</a
              >
            }
          </nav>
        }
        <span class="spacer"></span>
        @if (session.isAuthenticated()) {
          <st-user-menu [label]="account()" />
        } @else if (!session.isLoading()) {
          <button type="button" class="st-button filled" (click)="session.signIn()">Sign in</button>
        }
      </div>
    </header>
    @if (notices.sessionEnded()) {
      <div class="notice ended" role="alert" data-testid="session-ended">
        <span>Your session has ended. Sign in again to continue where you left off.</span>
        <button type="button" class="st-button filled" (click)="signInAgain()">Sign in again</button>
      </div>
    }
    @if (activity.retrying()) {
      <div class="notice" role="status">Steward is busy — retrying…</div>
    }
    <main id="content" tabindex="-1">
      <router-outlet />
    </main>
  `,
  styles: `
    .skip {
      position: absolute;
      left: -10000px;
    }
    .skip:focus {
      left: 1rem;
      top: 0.5rem;
      z-index: 10;
      padding: 0.5rem 1rem;
      background: var(--mat-sys-surface);
      color: var(--mat-sys-primary);
    }
    .progress {
      height: 4px;
      overflow: hidden;
    }
    /* Material's indeterminate linear progress, drawn with one moving gradient. */
    .indeterminate {
      height: 100%;
      background: linear-gradient(90deg, transparent 0 35%, var(--mat-sys-primary) 35% 65%, transparent 65% 100%) 0 0 /
        200% 100% var(--mat-sys-surface-variant);
      animation: sweep 1.4s linear infinite;
    }
    @keyframes sweep {
      from {
        background-position: 100% 0;
      }
      to {
        background-position: -100% 0;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .indeterminate {
        animation-duration: 4s;
      }
    }
    .bar {
      display: flex;
      align-items: center;
      gap: 1rem;
      flex-wrap: wrap;
      min-height: 64px;
      padding: 0 16px;
      box-sizing: border-box;
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
      font: var(--mat-sys-title-large);
    }
    nav {
      display: flex;
      flex-wrap: wrap;
    }
    .brand {
      color: inherit;
      text-decoration: none;
      font-weight: 600;
      font-size: 1.2rem;
    }
    .spacer {
      flex: 1;
    }
    nav .active {
      text-decoration: underline;
      text-underline-offset: 6px;
    }
    .notice {
      display: flex;
      align-items: center;
      justify-content: center;
      gap: 1rem;
      padding: 0.75rem 1.5rem;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .notice.ended {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    main {
      padding: 1.5rem;
      max-width: 1100px;
      margin: 0 auto;
      outline: none;
    }
  `,
})
export class Shell {
  protected readonly session = inject(Session);
  protected readonly currentUser = inject(CurrentUser);
  protected readonly activity = inject(Activity);
  protected readonly notices = inject(ApiNotices);
  private readonly router = inject(Router);
  protected readonly sections = computed(() =>
    CONSOLE_SECTIONS.filter((section) => this.currentUser.permissions().has(section.permission)),
  );

  protected readonly account = computed(
    () => this.currentUser.me.value()?.name ?? this.currentUser.me.value()?.email ?? 'Account',
  );

  /** Back to the tenant's sign-in, then to the page the user was on. */
  protected signInAgain(): void {
    this.session.signIn(this.router.url);
  }

  protected skipToContent(event: Event): void {
    event.preventDefault();
    document.getElementById('content')?.focus();
  }
}
