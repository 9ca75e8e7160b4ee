import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, input, output, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { CurrentUser } from '@steward/console-auth-data-access';
import { confirmAction } from '@steward/console-ui';
import { UsersApi } from '@steward/console-users-data-access';
import type { UserDetail } from '@steward/shared-domain';
import { filter, finalize, of, switchMap, tap, type Observable } from 'rxjs';
import { CopyLink } from './copy-link';
import { manageable } from './delegation';
import { refusalMessage } from './refusal';

/**
 * Block/unblock, password reset and delete, each shown only with its permission and only on users the
 * signed-in user may act on (SPEC §5); refusals stay beside them.
 */
@Component({
  selector: 'st-user-actions',
  imports: [MatButtonModule, CopyLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (canUpdate() || canDelete()) {
      <section aria-labelledby="actions-heading">
        <h2 id="actions-heading">Actions</h2>
        @if (!manageable()) {
          <p class="note" data-testid="actions-not-allowed">
            This user’s roles carry permissions you do not hold, so you cannot block, reset or delete their account.
          </p>
        } @else {
          <div class="buttons">
            @if (canUpdate()) {
              @if (user().blocked) {
                <button
                  mat-stroked-button
                  type="button"
                  data-testid="unblock-user"
                  [disabled]="busy()"
                  (click)="unblock()"
                >
                  Unblock
                </button>
              } @else if (!isSelf()) {
                <button mat-stroked-button type="button" data-testid="block-user" [disabled]="busy()" (click)="block()">
                  Block
                </button>
              }
              <button
                mat-stroked-button
                type="button"
                data-testid="reset-password"
                [disabled]="busy()"
                (click)="resetPassword()"
              >
                Send password reset
              </button>
            }
            @if (canDelete() && !isSelf()) {
              <button
                mat-flat-button
                type="button"
                class="danger"
                data-testid="delete-user"
                [disabled]="busy()"
                (click)="remove()"
              >
                Delete user
              </button>
            }
          </div>
          @if (isSelf()) {
            <p class="note" data-testid="actions-self">You cannot block or delete your own account.</p>
          }
        }
        @if (refusal(); as message) {
          <p class="refusal" role="alert" data-testid="action-refusal">{{ message }}</p>
        }
        @if (ticketUrl(); as url) {
          <div class="ticket" data-testid="password-reset">
            <p>Send this link to {{ user().email }} so they can choose a new password.</p>
            <st-copy-link label="Password reset link" testId="password-reset-url" [url]="url" />
          </div>
        }
      </section>
    }
  `,
  styles: `
    h2 {
      font-size: 1.2rem;
      margin: 0 0 0.75rem;
    }
    .buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
    }
    .danger:not(:disabled) {
      background: var(--mat-sys-error);
      color: var(--mat-sys-on-error);
    }
    .note {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .refusal {
      color: var(--mat-sys-error);
    }
    .ticket {
      margin-top: 1rem;
    }
  `,
})
export class UserActions {
  readonly user = input.required<UserDetail>();
  /** The user as the API returned them after a change. */
  readonly changed = output<UserDetail>();
  readonly deleted = output<void>();

  private readonly currentUser = inject(CurrentUser);
  private readonly api = inject(UsersApi);
  private readonly dialog = inject(MatDialog);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly canUpdate = computed(() => this.currentUser.can('update:users'));
  protected readonly canDelete = computed(() => this.currentUser.can('delete:users'));
  protected readonly manageable = computed(() => manageable(this.user()));
  protected readonly isSelf = computed(() => this.user().id === this.currentUser.sub());
  protected readonly busy = signal(false);
  protected readonly refusal = signal<string | null>(null);
  protected readonly ticketUrl = signal<string | null>(null);

  protected block(): void {
    const user = this.user();
    const confirmed = confirmAction(this.dialog, {
      title: `Block ${user.name || user.email}?`,
      message: 'They will be signed out of Steward and lose API access immediately, until you unblock them.',
      confirm: 'Block',
    });
    this.run(
      confirmed,
      () => this.api.update(user.id, { blocked: true }),
      (updated) => this.changed.emit(updated),
    );
  }

  protected unblock(): void {
    this.run(
      of(true),
      () => this.api.update(this.user().id, { blocked: false }),
      (updated) => this.changed.emit(updated),
    );
  }

  protected resetPassword(): void {
    this.ticketUrl.set(null);
    this.run(
      of(true),
      () => this.api.passwordReset(this.user().id),
      ({ ticketUrl }) => this.ticketUrl.set(ticketUrl),
    );
  }

  protected remove(): void {
    const user = this.user();
    const confirmed = confirmAction(this.dialog, {
      title: 'Delete user?',
      message: `This permanently deletes ${user.email} and ends their access to Steward. It cannot be undone.`,
      confirm: 'Delete',
      typeToConfirm: user.email,
    });
    this.run(
      confirmed,
      () => this.api.remove(user.id),
      () => this.deleted.emit(),
    );
  }

  /** Sends `request` once the user confirmed; a refusal by the API's rules is shown beside the buttons. */
  private run<T>(confirmed: Observable<boolean>, request: () => Observable<T>, done: (value: T) => void): void {
    this.refusal.set(null);
    confirmed
      .pipe(
        filter(Boolean),
        tap(() => this.busy.set(true)),
        switchMap(() => request().pipe(finalize(() => this.busy.set(false)))),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({ next: done, error: (error: unknown) => this.refusal.set(refusalMessage(error)) });
  }
}
