import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { CurrentUser, Session } from '@steward/console-auth-data-access';
import { CONSOLE_SECTIONS } from './sections';

/** The landing page: an invitation to sign in, or the screens a signed-in user may open (no Material: see `Shell`). */
@Component({
  selector: 'st-home-page',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (session.isAuthenticated()) {
      <h1>Welcome{{ name() ? ', ' + name() : '' }}</h1>
      <ul class="sections" aria-label="Your screens">
        @for (section of sections(); track section.path) {
          <li class="st-card">
            <h2>{{ section.label }}</h2>
            <p>{{ section.summary }}</p>
            <div class="actions">
              <a class="st-button outlined" [routerLink]="section.path">Open {{ section.label.toLowerCase() }}</a>
            </div>
          </li>
        } @empty {
          @if (currentUser.me.hasValue()) {
            <li><p>Your account holds no permissions yet. Ask an administrator for a role.</p></li>
          }
        }
      </ul>
    } @else {
      <section class="st-card welcome" aria-labelledby="welcome-title">
        <h1 id="welcome-title">Welcome to Steward</h1>
        @if (session.error(); as error) {
          <p class="error" role="alert">Sign-in failed: {{ error }}</p>
        }
        <p>Sign in with your organization account to manage records and users.</p>
        <div class="actions">
          @if (!session.isLoading()) {
            <button type="button" class="st-button filled" (click)="session.signIn()">Sign in</button>
          }
        </div>
      </section>
    }
  `,
  styles: `
    .welcome {
      max-width: 560px;
      margin: 3rem auto;
    }
    h1 {
      margin: 0 0 1.5rem;
      font-size: 1.6rem;
    }
    .welcome h1 {
      margin: 0 0 1rem;
    }
    .welcome .actions {
      min-height: 40px;
    }
    h2 {
      margin: 0 0 0.25rem;
      font-size: 1.2rem;
    }
    p {
      margin: 0;
    }
    .welcome p + p {
      margin-top: 0.5rem;
    }
    .sections {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(240px, 1fr));
      gap: 1rem;
    }
    .error {
      color: var(--mat-sys-error);
      font-weight: 500;
    }
  `,
})
export class HomePage {
  protected readonly session = inject(Session);
  protected readonly currentUser = inject(CurrentUser);
  protected readonly name = computed(() => this.currentUser.me.value()?.name);
  protected readonly sections = computed(() =>
    CONSOLE_SECTIONS.filter((section) => this.currentUser.permissions().has(section.permission)),
  );
}
