import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { AUDIT_ACTIONS, actionLabel } from './audit-actions';

/** A change of one or more audit filters; null clears a filter. */
export interface AuditFilterChange {
  action?: string | null;
  actor?: string | null;
}

/** The audit log's filter bar: which action, and whose changes (an exact user id, applied on Enter or blur). */
@Component({
  selector: 'st-audit-filters',
  imports: [MatFormFieldModule, MatSelectModule, MatInputModule, MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field appearance="outline" subscriptSizing="dynamic">
      <mat-label>Action</mat-label>
      <mat-select
        [value]="action() ?? ''"
        (selectionChange)="changed.emit({ action: $event.value || null })"
        data-testid="audit-action-filter"
      >
        <mat-option value="">All actions</mat-option>
        @for (option of actions(); track option.code) {
          <mat-option [value]="option.code">{{ option.label }}</mat-option>
        }
      </mat-select>
    </mat-form-field>
    <mat-form-field appearance="outline" class="actor" subscriptSizing="dynamic">
      <mat-label>Actor (user id)</mat-label>
      <input
        matInput
        [value]="actor() ?? ''"
        (keydown.enter)="applyActor($event)"
        (blur)="applyActor($event)"
        autocomplete="off"
        spellcheck="false"
        data-testid="audit-actor-filter"
      />
      <mat-hint>Exact id, e.g. auth0|abc123. Press Enter to apply.</mat-hint>
    </mat-form-field>
    @if (action() || actor()) {
      <button mat-button type="button" (click)="changed.emit({ action: null, actor: null })">Clear filters</button>
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: 0.5rem 1rem;
      margin-bottom: 1rem;
    }
    mat-form-field {
      width: 16rem;
    }
    .actor {
      width: 22rem;
    }
    button {
      margin-top: 0.5rem;
    }
    @media (max-width: 600px) {
      mat-form-field,
      .actor {
        width: 100%;
      }
    }
  `,
})
export class AuditFilters {
  readonly action = input<string | null>(null);
  readonly actor = input<string | null>(null);
  readonly changed = output<AuditFilterChange>();

  /** The known actions, plus the current one when the URL names an action this console does not know. */
  protected readonly actions = computed(() => {
    const current = this.action();
    return current && !AUDIT_ACTIONS.some((option) => option.code === current)
      ? [...AUDIT_ACTIONS, { code: current, label: actionLabel(current) }]
      : AUDIT_ACTIONS;
  });

  protected applyActor(event: Event): void {
    const value = (event.target as HTMLInputElement).value.trim();
    if (value !== (this.actor() ?? '')) this.changed.emit({ actor: value || null });
  }
}
