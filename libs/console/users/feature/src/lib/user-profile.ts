import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { DateTimePipe } from '@steward/console-ui';
import type { UserDetail } from '@steward/shared-domain';

/** A user's identity and sign-in history, with their blocked state stated plainly. */
@Component({
  selector: 'st-user-profile',
  imports: [DateTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="profile-heading">
      <h2 id="profile-heading">Profile</h2>
      @let detail = user();
      <dl>
        <dt>Status</dt>
        <dd>
          <span class="badge" [class.blocked]="detail.blocked" data-testid="user-status">
            {{ detail.blocked ? 'Blocked' : 'Active' }}
          </span>
          @if (detail.blocked) {
            <span class="hint">Cannot sign in or use the API.</span>
          }
        </dd>
        <dt>Email</dt>
        <dd data-testid="user-email">{{ detail.email }}</dd>
        <dt>Email verified</dt>
        <dd data-testid="user-email-verified">{{ detail.emailVerified ? 'Yes' : 'No' }}</dd>
        <dt>Created</dt>
        <dd>{{ detail.createdAt | dateTime }}</dd>
        <dt>Last login</dt>
        <dd data-testid="user-last-login">{{ detail.lastLogin ? (detail.lastLogin | dateTime) : 'Never' }}</dd>
        <dt>Logins</dt>
        <dd>{{ detail.loginsCount }}</dd>
      </dl>
    </section>
  `,
  styles: `
    h2 {
      font-size: 1.2rem;
      margin: 0 0 0.75rem;
    }
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 0.5rem 1.5rem;
      margin: 0;
    }
    dt {
      font-weight: 600;
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .badge {
      display: inline-block;
      padding: 0.1rem 0.6rem;
      border-radius: 1rem;
      font-weight: 600;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .badge.blocked {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .hint {
      margin-left: 0.75rem;
    }
  `,
})
export class UserProfile {
  readonly user = input.required<UserDetail>();
}
