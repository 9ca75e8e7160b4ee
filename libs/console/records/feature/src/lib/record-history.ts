import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatExpansionModule } from '@angular/material/expansion';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { readProblem } from '@steward/console-core-data-access';
import { RecordsApi } from '@steward/console-records-data-access';
import { DateTimePipe } from '@steward/console-ui';
import type { Problem, RecordChangeView } from '@steward/shared-domain';
import { Subscription } from 'rxjs';
import { FIELD_LABELS, formatValue } from './record-fields';

const ACTIONS: Record<RecordChangeView['action'], string> = {
  created: 'Created',
  updated: 'Updated',
  deleted: 'Deleted',
  restored: 'Restored',
};

/** Who changed the record, when, and each field from what to what; loads again for each new version. */
@Component({
  selector: 'st-record-history',
  imports: [DateTimePipe, MatButtonModule, MatExpansionModule, MatProgressSpinnerModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-expansion-panel expanded>
      <mat-expansion-panel-header>
        <mat-panel-title>History</mat-panel-title>
      </mat-expansion-panel-header>
      @if (problem(); as failure) {
        <p role="alert">We could not load the history: {{ failure.detail ?? failure.title }}</p>
        <button mat-stroked-button (click)="load()">Try again</button>
      } @else if (entries(); as items) {
        <ol class="entries" data-testid="history">
          @for (entry of items; track $index) {
            <li>
              <div class="who">
                <strong>{{ actions[entry.action] }}</strong>
                by <code>{{ entry.actorSub }}</code>
                <time [attr.datetime]="entry.at">{{ entry.at | dateTime }}</time>
              </div>
              @if (entry.action === 'updated' || entry.action === 'created') {
                <ul class="changes">
                  @for (change of changesOf(entry); track change.key) {
                    <li>
                      <span class="field">{{ label(change.key) }}:</span>
                      @if (entry.action === 'updated') {
                        <span class="from">{{ format(change.key, change.value.from) }}</span> →
                      }
                      <span class="to">{{ format(change.key, change.value.to) }}</span>
                    </li>
                  }
                </ul>
              }
            </li>
          } @empty {
            <li>No changes recorded.</li>
          }
        </ol>
      } @else {
        <mat-spinner diameter="32" aria-label="Loading history" />
      }
    </mat-expansion-panel>
  `,
  styles: `
    .entries {
      list-style: none;
      padding: 0;
      margin: 0;
      display: flex;
      flex-direction: column;
      gap: 1rem;
    }
    .who {
      display: flex;
      flex-wrap: wrap;
      gap: 0.4rem;
    }
    time {
      color: var(--mat-sys-on-surface-variant);
    }
    .changes {
      margin: 0.25rem 0 0;
      padding-left: 1.25rem;
    }
    .field {
      font-weight: 500;
      margin-right: 0.35rem;
    }
    .from,
    .to {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .from {
      text-decoration: line-through;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class RecordHistory {
  private readonly api = inject(RecordsApi);

  readonly recordId = input.required<string>();
  /** The record's version: history loads again when it changes. */
  readonly version = input.required<number>();

  protected readonly actions = ACTIONS;
  protected readonly entries = signal<RecordChangeView[] | null>(null);
  protected readonly problem = signal<Problem | null>(null);
  private request?: Subscription;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.request?.unsubscribe());
    effect(() => {
      this.recordId();
      this.version();
      untracked(() => this.load());
    });
  }

  protected load(): void {
    this.request?.unsubscribe();
    this.problem.set(null);
    this.request = this.api.history(this.recordId()).subscribe({
      next: (items) => this.entries.set(items),
      error: (error: unknown) => this.problem.set(readProblem(error)),
    });
  }

  /** Field by field, in name order (what KeyValuePipe would give, without its differ in the shared chunk). */
  protected changesOf(entry: RecordChangeView): { key: string; value: { from: unknown; to: unknown } }[] {
    return Object.keys(entry.changes)
      .sort()
      .map((key) => ({ key, value: entry.changes[key] }));
  }

  protected label(field: string): string {
    return FIELD_LABELS[field] ?? field;
  }

  protected format(field: string, value: unknown): string {
    return formatValue(field, value);
  }
}
