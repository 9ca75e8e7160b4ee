import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { RouterLink } from '@angular/router';
import { Session } from '@steward/console-auth-data-access';

/** The landing page: an invitation to sign in, or the way in for a signed-in user. */
@Component({
  selector: 'st-home-page',
  imports: [MatCardModule, MatButtonModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-card appearance="outlined" class="welcome">
      <mat-card-header>
        <mat-card-title><h1>Welcome to Steward</h1></mat-card-title>
      </mat-card-header>
      <mat-card-content>
        @if (session.error(); as error) {
          <p class="error" role="alert">Sign-in failed: {{ error }}</p>
        }
        @if (session.isAuthenticated()) {
          <p>You are signed in.</p>
        } @else {
          <p>Sign in with your organization account to manage records and users.</p>
        }
      </mat-card-content>
      <mat-card-actions>
        @if (session.isAuthenticated()) {
          <a mat-flat-button routerLink="/profile">Go to your profile</a>
        } @else if (!session.isLoading()) {
          <button mat-flat-button (click)="session.signIn()">Sign in</button>
        }
      </mat-card-actions>
    </mat-card>
  `,
  styles: `
    .welcome {
      max-width: 560px;
      margin: 3rem auto;
    }
    h1 {
      margin: 0;
      font-size: 1.6rem;
    }
    .error {
      color: var(--mat-sys-error);
      font-weight: 500;
    }
  `,
})
export class HomePage {
  protected readonly session = inject(Session);
}
