import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { RouterLink } from '@angular/router';
import { CurrentUser, Session } from '@steward/console-auth-data-access';
import { CONSOLE_SECTIONS } from './sections';

/** The landing page: an invitation to sign in, or the screens a signed-in user may open. */
@Component({
  selector: 'st-home-page',
  imports: [MatCardModule, MatButtonModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (session.isAuthenticated()) {
      <h1>Welcome{{ name() ? ', ' + name() : '' }}</h1>
      <ul class="sections" aria-label="Your screens">
        @for (section of sections(); track section.path) {
          <li>
            <mat-card appearance="outlined">
              <mat-card-header>
                <mat-card-title
                  ><h2>{{ section.label }}</h2></mat-card-title
                >
              </mat-card-header>
              <mat-card-content>{{ section.summary }}</mat-card-content>
              <mat-card-actions>
                <a mat-stroked-button [routerLink]="section.path">Open {{ section.label.toLowerCase() }}</a>
              </mat-card-actions>
            </mat-card>
          </li>
        } @empty {
          @if (currentUser.me.hasValue()) {
            <li><p>Your account holds no permissions yet. Ask an administrator for a role.</p></li>
          }
        }
      </ul>
    } @else {
      <mat-card appearance="outlined" class="welcome">
        <mat-card-header>
          <mat-card-title><h1>Welcome to Steward</h1></mat-card-title>
        </mat-card-header>
        <mat-card-content>
          @if (session.error(); as error) {
            <p class="error" role="alert">Sign-in failed: {{ error }}</p>
          }
          <p>Sign in with your organization account to manage records and users.</p>
        </mat-card-content>
        <mat-card-actions>
          @if (!session.isLoading()) {
            <button mat-flat-button (click)="session.signIn()">Sign in</button>
          }
        </mat-card-actions>
      </mat-card>
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
      margin: 0;
    }
    h2 {
      margin: 0;
      font-size: 1.2rem;
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
