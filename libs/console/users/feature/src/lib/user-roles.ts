import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  linkedSignal,
  output,
  signal,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { CurrentUser } from '@steward/console-auth-data-access';
import { UsersApi } from '@steward/console-users-data-access';
import type { Permission, RoleView, UserDetail } from '@steward/shared-domain';
import { manageable, missingPermissions } from './delegation';
import { refusalMessage } from './refusal';

/**
 * The roles a user holds, as checkboxes over every role; holders of `update:users` save the full set,
 * granting only roles whose permissions they hold, never on their own account or on a user above them.
 */
@Component({
  selector: 'st-user-roles',
  imports: [MatCheckboxModule, MatButtonModule, MatProgressSpinnerModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="roles-heading">
      <h2 id="roles-heading">Roles</h2>
      @if (roles.error()) {
        <div role="alert" data-testid="roles-error">
          <p>We could not load the roles.</p>
          <button mat-stroked-button type="button" (click)="roles.reload()">Try again</button>
        </div>
      } @else if (roles.hasValue()) {
        <div role="group" aria-labelledby="roles-heading" class="roles">
          @for (role of roles.value(); track role.id) {
            @let missing = missingFor(role);
            @let hinted = canEdit() && missing.length > 0;
            <div class="role">
              <mat-checkbox
                [checked]="selected().has(role.id)"
                [disabled]="!canEdit() || saving() || missing.length > 0"
                [aria-describedby]="'role-description-' + role.id + (hinted ? ' role-missing-' + role.id : '')"
                [attr.data-testid]="'role-' + role.name"
                (change)="toggle(role.id, $event.checked)"
              >
                {{ role.name }}
              </mat-checkbox>
              <p class="description" [id]="'role-description-' + role.id">{{ role.description }}</p>
              @if (hinted) {
                <p
                  class="description hint"
                  [id]="'role-missing-' + role.id"
                  [attr.data-testid]="'role-hint-' + role.name"
                >
                  Only someone holding {{ missing.join(', ') }} can grant this role.
                </p>
              }
            </div>
          } @empty {
            <p>There are no roles to grant.</p>
          }
        </div>
        @if (readOnlyReason(); as reason) {
          <p class="note" data-testid="roles-read-only">{{ reason }}</p>
        }
        @if (canEdit()) {
          <div class="save">
            <button
              mat-flat-button
              type="button"
              data-testid="save-roles"
              [disabled]="!changed() || saving()"
              (click)="save()"
            >
              Save roles
            </button>
            <span role="status" data-testid="roles-saved">{{ note() }}</span>
          </div>
        }
        @if (refusal(); as message) {
          <p class="refusal" role="alert" data-testid="roles-refusal">{{ message }}</p>
        }
      } @else {
        <mat-spinner diameter="32" aria-label="Loading roles" />
      }
    </section>
  `,
  styles: `
    h2 {
      font-size: 1.2rem;
      margin: 0 0 0.75rem;
    }
    .roles {
      display: grid;
      gap: 0.5rem;
    }
    .description {
      margin: 0 0 0 2.5rem;
      color: var(--mat-sys-on-surface-variant);
    }
    .hint {
      font-style: italic;
    }
    .note {
      margin: 1rem 0 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .save {
      display: flex;
      align-items: center;
      gap: 1rem;
      margin-top: 1rem;
    }
    .refusal {
      color: var(--mat-sys-error);
    }
  `,
})
export class UserRoles {
  readonly user = input.required<UserDetail>();
  /** The user as the API returned them after the roles were saved. */
  readonly saved = output<UserDetail>();

  private readonly api = inject(UsersApi);
  private readonly currentUser = inject(CurrentUser);
  protected readonly roles = rxResource({ stream: () => this.api.roles() });
  private readonly isSelf = computed(() => this.user().id === this.currentUser.sub());
  /** Why a holder of `update:users` cannot change these roles (SPEC §5), or null when they can. */
  protected readonly readOnlyReason = computed(() => {
    if (!this.currentUser.can('update:users')) return null;
    if (this.isSelf()) return 'You cannot change your own roles; another administrator can.';
    if (!manageable(this.user())) {
      return 'This user’s roles carry permissions you do not hold, so you cannot change them.';
    }
    return null;
  });
  protected readonly canEdit = computed(() => this.currentUser.can('update:users') && this.readOnlyReason() === null);
  private readonly missing = computed(
    () =>
      new Map(
        (this.roles.value() ?? []).map((role) => [role.id, missingPermissions(role, this.currentUser.permissions())]),
      ),
  );
  private readonly held = computed(() => new Set(this.user().roles.map((role) => role.id)));
  protected readonly selected = linkedSignal<ReadonlySet<string>>(() => this.held());
  protected readonly changed = computed(() => {
    const held = this.held();
    const selected = this.selected();
    return held.size !== selected.size || [...selected].some((id) => !held.has(id));
  });
  protected readonly saving = signal(false);
  protected readonly refusal = signal<string | null>(null);
  protected readonly note = signal('');

  protected missingFor(role: RoleView): Permission[] {
    return this.missing().get(role.id) ?? [];
  }

  protected toggle(roleId: string, checked: boolean): void {
    this.note.set('');
    this.refusal.set(null);
    this.selected.update((current) => {
      const next = new Set(current);
      if (checked) next.add(roleId);
      else next.delete(roleId);
      return next;
    });
  }

  protected save(): void {
    const known = (this.roles.value() ?? []).map((role) => role.id);
    const selected = this.selected();
    const roleIds = [...known.filter((id) => selected.has(id)), ...[...selected].filter((id) => !known.includes(id))];
    this.saving.set(true);
    this.refusal.set(null);
    this.api.setRoles(this.user().id, roleIds).subscribe({
      next: (user) => {
        this.saving.set(false);
        this.note.set('Roles saved.');
        this.saved.emit(user);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.refusal.set(refusalMessage(error));
      },
    });
  }
}
