import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { RouterLink } from '@angular/router';
import { CurrentUser } from '@steward/console-auth-data-access';

/** Where the permission guard sends a user who may not open a page (the API would refuse anyway). */
@Component({
  selector: 'st-no-access-page',
  imports: [MatCardModule, MatButtonModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-card appearance="outlined" class="card">
      <mat-card-header>
        <mat-card-title><h1>You don't have access to this page</h1></mat-card-title>
      </mat-card-header>
      <mat-card-content>
        @if (currentUser.me.error()) {
          <p role="alert">We could not check your permissions with the Steward API.</p>
        } @else {
          <p data-testid="no-access">
            Your account lacks the permission needed for <code>{{ from() ?? 'this page' }}</code
            >. Ask an administrator if you need it.
          </p>
        }
      </mat-card-content>
      <mat-card-actions>
        @if (currentUser.me.error()) {
          <button mat-stroked-button (click)="currentUser.me.reload()">Try again</button>
        }
        <a mat-flat-button routerLink="/">Go to the start page</a>
      </mat-card-actions>
    </mat-card>
  `,
  styles: `
    .card {
      max-width: 560px;
      margin: 3rem auto;
    }
    h1 {
      margin: 0;
      font-size: 1.5rem;
    }
  `,
})
export class NoAccessPage {
  protected readonly currentUser = inject(CurrentUser);
  /** The address the user asked for (query parameter set by the permission guard). */
  readonly from = input<string>();
}
