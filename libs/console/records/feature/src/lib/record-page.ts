import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { CurrentUser } from '@steward/console-auth-data-access';
import { readProblem } from '@steward/console-core-data-access';
import { RecordsApi, type VersionedRecord } from '@steward/console-records-data-access';
import { DateTimePipe } from '@steward/console-ui';
import type { Problem, RecordInput, RecordView } from '@steward/shared-domain';
import { Subscription } from 'rxjs';
import { RecordConflict } from './record-conflict';
import { RecordDeletion } from './record-deletion';
import { changedFields, inputOf, STATUS_LABELS } from './record-fields';
import { RecordForm } from './record-form';
import { RecordHistory } from './record-history';

/** A save that failed with 412: the user's changes, and the record as it is now once loaded. */
interface Conflict {
  /** The fields the user changed. */
  mine: Partial<RecordInput>;
  /** The version the user edited, with their changes. */
  yours: RecordInput;
  current: VersionedRecord | null;
  problem: Problem | null;
}

type Load = { state: 'loading' } | { state: 'missing' } | { state: 'failed'; problem: Problem } | { state: 'ready' };

/**
 * One record (route `:id`, bound by the router): editable by users who may update records, with
 * optimistic concurrency (the ETag goes back as `If-Match`, a 412 opens the conflict view);
 * read-only for everyone else. Also deletes (with Undo) and shows the record's history.
 */
@Component({
  selector: 'st-record-page',
  imports: [
    DateTimePipe,
    RouterLink,
    MatButtonModule,
    MatChipsModule,
    MatProgressSpinnerModule,
    RecordConflict,
    RecordForm,
    RecordHistory,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a class="back" routerLink="..">← All records</a>
    @let loaded = load();
    @switch (loaded.state) {
      @case ('loading') {
        <mat-spinner diameter="40" aria-label="Loading the record" />
      }
      @case ('missing') {
        <div role="alert" class="missing" data-testid="missing">
          <h1>This record does not exist or was deleted</h1>
          <a mat-stroked-button routerLink="..">Back to records</a>
        </div>
      }
      @case ('failed') {
        @if (loaded.state === 'failed') {
          <div role="alert">
            <p>We could not load the record: {{ loaded.problem.detail ?? loaded.problem.title }}</p>
            <button mat-stroked-button (click)="fetch()">Try again</button>
          </div>
        }
      }
      @case ('ready') {
        @if (record(); as shown) {
          <header class="head">
            <div>
              <h1>{{ shown.title }}</h1>
              <p class="meta">
                Version {{ shown.version }} · updated {{ shown.updatedAt | dateTime }} by
                <code>{{ shown.updatedBy }}</code> · created {{ shown.createdAt | dateTime }}
              </p>
            </div>
            @if (canDelete()) {
              <button mat-stroked-button class="danger" (click)="delete(shown)" [disabled]="saving()">Delete</button>
            }
          </header>

          @if (conflict(); as clash) {
            <st-record-conflict
              [yours]="clash.yours"
              [mine]="clash.mine"
              [current]="clash.current?.record ?? null"
              [problem]="clash.problem"
              [busy]="saving()"
              (reload)="takeCurrent()"
              (reapply)="reapply()"
              (retry)="loadCurrent(clash.mine, clash.yours)"
            />
          }

          @if (canUpdate()) {
            <st-record-form
              [value]="shown"
              [busy]="saving()"
              [locked]="conflict() !== null"
              [problem]="problem()"
              (submitted)="save($event)"
            />
          } @else {
            <dl class="read-only" data-testid="read-only">
              <dt>Title</dt>
              <dd>{{ shown.title }}</dd>
              <dt>Status</dt>
              <dd>{{ statusLabels[shown.status] }}</dd>
              <dt>Tags</dt>
              <dd>
                @if (shown.tags.length > 0) {
                  <mat-chip-set aria-label="Tags">
                    @for (tag of shown.tags; track tag) {
                      <mat-chip>{{ tag }}</mat-chip>
                    }
                  </mat-chip-set>
                } @else {
                  —
                }
              </dd>
              <dt>Description</dt>
              <dd class="description">{{ shown.description || '—' }}</dd>
            </dl>
          }

          <st-record-history class="history" [recordId]="shown.id" [version]="shown.version" />
        }
      }
    }
  `,
  styles: `
    .head {
      display: flex;
      align-items: flex-start;
      justify-content: space-between;
      gap: 1rem;
    }
    h1 {
      font-size: 1.6rem;
      margin: 0.5rem 0 0.25rem;
      overflow-wrap: anywhere;
    }
    .meta {
      margin: 0 0 1.5rem;
      color: var(--mat-sys-on-surface-variant);
    }
    .danger:not(:disabled) {
      color: var(--mat-sys-error);
    }
    .read-only {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 0.75rem 1.5rem;
      margin: 0;
      max-width: 48rem;
    }
    .read-only dt {
      font-weight: 600;
    }
    .read-only dd {
      margin: 0;
    }
    .description {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .history {
      display: block;
      margin-top: 2rem;
      max-width: 48rem;
    }
    .missing h1 {
      margin-bottom: 1rem;
    }
  `,
})
export class RecordPage {
  private readonly api = inject(RecordsApi);
  private readonly user = inject(CurrentUser);
  private readonly deletion = inject(RecordDeletion);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly snackBar = inject(MatSnackBar);

  /** The `:id` route parameter. */
  readonly id = input.required<string>();

  protected readonly statusLabels = STATUS_LABELS;
  protected readonly canUpdate = computed(() => this.user.can('update:records'));
  protected readonly canDelete = computed(() => this.user.can('delete:records'));

  protected readonly load = signal<Load>({ state: 'loading' });
  protected readonly record = signal<RecordView | null>(null);
  protected readonly saving = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly conflict = signal<Conflict | null>(null);
  private etag = '';
  private requests = new Subscription();

  constructor() {
    inject(DestroyRef).onDestroy(() => this.requests.unsubscribe());
    effect(() => {
      this.id();
      untracked(() => this.fetch());
    });
  }

  protected fetch(): void {
    this.requests.unsubscribe();
    this.requests = new Subscription();
    this.load.set({ state: 'loading' });
    this.conflict.set(null);
    this.problem.set(null);
    this.requests.add(
      this.api.get(this.id()).subscribe({
        next: (current) => {
          this.show(current);
          this.load.set({ state: 'ready' });
        },
        error: (error: unknown) => this.failed(readProblem(error)),
      }),
    );
  }

  protected save(value: RecordInput): void {
    const record = this.record();
    if (!record) return;
    const changes = changedFields(record, value);
    if (Object.keys(changes).length === 0) {
      this.snackBar.open('There are no changes to save.', 'Dismiss', { duration: 4_000 });
      return;
    }
    this.send(changes, this.etag, record);
  }

  /** Discard the user's changes: the form shows the current version. */
  protected takeCurrent(): void {
    const current = this.conflict()?.current;
    if (!current) return;
    this.show(current);
    this.conflict.set(null);
  }

  /** Send the user's changes again, conditional on the current version this time. */
  protected reapply(): void {
    const conflict = this.conflict();
    if (!conflict?.current) return;
    this.send(conflict.mine, conflict.current.etag, conflict.current.record);
  }

  protected loadCurrent(mine: Partial<RecordInput>, yours: RecordInput): void {
    this.conflict.set({ mine, yours, current: null, problem: null });
    this.requests.add(
      this.api.get(this.id()).subscribe({
        next: (current) => this.conflict.set({ mine, yours, current, problem: null }),
        error: (error: unknown) => {
          const problem = readProblem(error);
          if (problem.status === 404) this.failed(problem);
          else this.conflict.set({ mine, yours, current: null, problem });
        },
      }),
    );
  }

  protected delete(record: RecordView): void {
    const here = this.router.url;
    this.requests.add(
      this.deletion
        .confirmAndDelete(record, () => void this.router.navigateByUrl(here))
        .subscribe((deleted) => {
          if (deleted) void this.router.navigate(['..'], { relativeTo: this.route });
        }),
    );
  }

  /** Sends `changes` made to `base`, conditional on `etag` (the version `base` is). */
  private send(changes: Partial<RecordInput>, etag: string, base: RecordInput): void {
    this.saving.set(true);
    this.problem.set(null);
    this.requests.add(
      this.api.update(this.id(), changes, etag).subscribe({
        next: (saved) => {
          this.saving.set(false);
          this.conflict.set(null);
          this.show(saved);
          this.snackBar.open('Record saved', 'Dismiss', { duration: 4_000 });
        },
        error: (error: unknown) => {
          this.saving.set(false);
          const problem = readProblem(error);
          if (problem.status === 412) this.loadCurrent(changes, { ...inputOf(base), ...changes });
          else if (problem.status === 404) this.failed(problem);
          else {
            this.conflict.set(null);
            this.problem.set(problem);
          }
        },
      }),
    );
  }

  private show({ record, etag }: VersionedRecord): void {
    this.record.set(record);
    this.etag = etag;
  }

  private failed(problem: Problem): void {
    this.load.set(problem.status === 404 ? { state: 'missing' } : { state: 'failed', problem });
  }
}
