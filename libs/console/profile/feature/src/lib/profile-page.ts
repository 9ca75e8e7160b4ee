import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatChipsModule } from '@angular/material/chips';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { CurrentUser } from '@steward/console-auth-data-access';

/** Who the API says you are: identity, roles and permissions from `GET /api/me`. */
@Component({
  selector: 'st-profile-page',
  imports: [MatCardModule, MatChipsModule, MatProgressSpinnerModule, MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>Your profile</h1>
    @let me = currentUser.me;
    @if (me.isLoading()) {
      <mat-spinner diameter="40" aria-label="Loading your profile" />
    } @else if (me.error()) {
      <p role="alert">We could not load your profile from the API.</p>
      <button mat-stroked-button (click)="me.reload()">Try again</button>
    } @else if (me.value(); as profile) {
      <mat-card appearance="outlined">
        <mat-card-content>
          <dl>
            <dt>Name</dt>
            <dd data-testid="profile-name">{{ profile.name ?? '—' }}</dd>
            <dt>Email</dt>
            <dd data-testid="profile-email">{{ profile.email ?? '—' }}</dd>
            <dt>User id</dt>
            <dd data-testid="profile-sub">
              <code>{{ profile.sub }}</code>
            </dd>
            <dt>Roles</dt>
            <dd>
              <mat-chip-set aria-label="Roles">
                @for (role of profile.roles; track role) {
                  <mat-chip>{{ role }}</mat-chip>
                } @empty {
                  none
                }
              </mat-chip-set>
            </dd>
            <dt>Permissions</dt>
            <dd>
              <ul class="permissions" data-testid="profile-permissions">
                @for (permission of profile.permissions; track permission) {
                  <li>
                    <code>{{ permission }}</code>
                  </li>
                } @empty {
                  <li>none</li>
                }
              </ul>
            </dd>
          </dl>
        </mat-card-content>
      </mat-card>
    }
  `,
  styles: `
    h1 {
      font-size: 1.6rem;
      margin: 0 0 1rem;
    }
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 0.75rem 1.5rem;
      margin: 0;
    }
    dt {
      font-weight: 600;
    }
    dd {
      margin: 0;
    }
    .permissions {
      list-style: none;
      padding: 0;
      margin: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
    }
  `,
})
export class ProfilePage {
  protected readonly currentUser = inject(CurrentUser);
}
