import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatMenuModule } from '@angular/material/menu';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatToolbarModule } from '@angular/material/toolbar';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { CurrentUser, Session } from '@steward/console-auth-data-access';

/** The console's frame: top bar with navigation and the user's menu, and the routed page. */
@Component({
  selector: 'st-shell',
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    MatToolbarModule,
    MatButtonModule,
    MatMenuModule,
    MatProgressBarModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-toolbar class="bar" role="banner">
      <a class="brand" routerLink="/">Steward</a>
      @if (session.isAuthenticated()) {
        <nav aria-label="Main">
          <a mat-button routerLink="/profile" routerLinkActive="active" ariaCurrentWhenActive="page">Profile</a>
        </nav>
      }
      <span class="spacer"></span>
      @if (session.isAuthenticated()) {
        <button mat-button [matMenuTriggerFor]="userMenu" data-testid="user-menu">
          {{ currentUser.me.value()?.name ?? currentUser.me.value()?.email ?? 'Account' }}
        </button>
        <mat-menu #userMenu="matMenu">
          <a mat-menu-item routerLink="/profile">Profile</a>
          <button mat-menu-item (click)="session.signOut()">Sign out</button>
        </mat-menu>
      } @else if (!session.isLoading()) {
        <button mat-flat-button (click)="session.signIn()">Sign in</button>
      }
    </mat-toolbar>
    @if (session.isLoading()) {
      <mat-progress-bar mode="indeterminate" aria-label="Loading" />
    }
    <main>
      <router-outlet />
    </main>
  `,
  styles: `
    .bar {
      gap: 1rem;
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
    main {
      padding: 1.5rem;
      max-width: 1100px;
      margin: 0 auto;
    }
  `,
})
export class Shell {
  protected readonly session = inject(Session);
  protected readonly currentUser = inject(CurrentUser);
}
