import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import type { Problem, RecordInput, RecordView } from '@steward/shared-domain';
import { differingFields, FIELD_LABELS, formatValue } from './record-fields';

/**
 * Someone else saved the record after the user loaded it (412): shows, for each field where the
 * user's version and the current one differ, both values (marking the fields the user did not
 * change, which re-applying leaves as they are now), and lets the user either take the current
 * version or apply their changes on top of it.
 */
@Component({
  selector: 'st-record-conflict',
  imports: [MatButtonModule, MatProgressSpinnerModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section role="alert" class="conflict" aria-labelledby="conflict-heading" data-testid="conflict">
      <h2 id="conflict-heading">This record was changed by someone else</h2>
      @if (current(); as latest) {
        <p>
          Your changes were not saved. The record is now at version {{ latest.version }}, last changed by
          <code>{{ latest.updatedBy }}</code
          >.
        </p>
        @if (fields().length > 0) {
          <table class="compare">
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Your version</th>
                <th scope="col">Current version</th>
              </tr>
            </thead>
            <tbody>
              @for (field of fields(); track field) {
                <tr [attr.data-field]="field">
                  <th scope="row">
                    {{ labels[field] }}
                    @if (!changedByMe(field)) {
                      <span class="note">You did not change this; re-applying keeps the current version.</span>
                    }
                  </th>
                  <td class="mine">{{ format(field, yours()[field]) }}</td>
                  <td class="theirs">{{ format(field, latest[field]) }}</td>
                </tr>
              }
            </tbody>
          </table>
        } @else {
          <p>Your version and the current version are the same.</p>
        }
      } @else if (problem(); as failure) {
        <p>We could not load the current version: {{ failure.detail ?? failure.title }}</p>
        <button mat-stroked-button type="button" (click)="retry.emit()">Try again</button>
      } @else {
        <mat-spinner diameter="32" aria-label="Loading the current version" />
      }
      <div class="actions">
        <button mat-stroked-button type="button" (click)="reload.emit()" [disabled]="!current() || busy()">
          Reload
        </button>
        <button mat-flat-button type="button" (click)="reapply.emit()" [disabled]="!current() || busy()">
          Re-apply my changes
        </button>
      </div>
    </section>
  `,
  styles: `
    .conflict {
      border: 1px solid var(--mat-sys-error);
      border-radius: 8px;
      padding: 1rem 1.25rem;
      margin-bottom: 1.5rem;
      max-width: 48rem;
    }
    h2 {
      font-size: 1.2rem;
      margin: 0 0 0.5rem;
    }
    .compare {
      width: 100%;
      border-collapse: collapse;
    }
    .compare th,
    .compare td {
      text-align: left;
      vertical-align: top;
      padding: 0.5rem 0.75rem 0.5rem 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .compare td {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .note {
      display: block;
      font-weight: normal;
      font-size: 0.85rem;
      color: var(--mat-sys-on-surface-variant);
    }
    .actions {
      display: flex;
      justify-content: flex-end;
      gap: 0.75rem;
      margin-top: 1rem;
    }
  `,
})
export class RecordConflict {
  /** The record as the user tried to save it: the version they edited with their changes. */
  readonly yours = input.required<RecordInput>();
  /** Only the fields the user changed: what re-applying sends. */
  readonly mine = input.required<Partial<RecordInput>>();
  /** The record as it is now; null while it loads. */
  readonly current = input<RecordView | null>(null);
  /** Why the current version could not be loaded. */
  readonly problem = input<Problem | null>(null);
  readonly busy = input(false);
  /** Discard my changes and take the current version. */
  readonly reload = output<void>();
  /** Send my changes again, on top of the current version. */
  readonly reapply = output<void>();
  /** Load the current version again. */
  readonly retry = output<void>();

  protected readonly labels = FIELD_LABELS;
  protected readonly fields = computed(() => {
    const current = this.current();
    return current ? differingFields(this.yours(), current) : [];
  });

  protected changedByMe(field: keyof RecordInput): boolean {
    return field in this.mine();
  }

  protected format(field: string, value: unknown): string {
    return formatValue(field, value);
  }
}
