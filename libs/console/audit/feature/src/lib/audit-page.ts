import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSelectModule } from '@angular/material/select';
import { Router, type Params } from '@angular/router';
import { readProblem } from '@steward/console-core-data-access';
import type { AuditEventView, CursorPage } from '@steward/shared-domain';
import { AuditApi, type AuditQuery } from './audit-api';
import { AuditFilters, type AuditFilterChange } from './audit-filters';
import { AuditTable } from './audit-table';
import {
  AUDIT_PAGE_SIZES,
  DEFAULT_AUDIT_PAGE_SIZE,
  actionParam,
  actorParam,
  pageSizeParam,
  trailParam,
} from './audit-view-state';

/**
 * Every change made through Steward, newest first. The whole view (filters, page size and the trail of
 * cursors behind the current page) lives in the URL's query parameters, so a link reproduces it.
 */
@Component({
  selector: 'st-audit-page',
  imports: [AuditFilters, AuditTable, MatButtonModule, MatFormFieldModule, MatSelectModule, MatProgressSpinnerModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>Audit log</h1>
    <st-audit-filters [action]="filter().action" [actor]="filter().actor" (changed)="applyFilter($event)" />
    @if (events.error(); as error) {
      <div class="error" role="alert" data-testid="audit-error">
        <p>We could not load the audit log. {{ problemDetail(error) }}</p>
        <button mat-stroked-button type="button" [disabled]="events.isLoading()" (click)="events.reload()">
          Try again
        </button>
        @if (trail().length > 0) {
          <button mat-button type="button" (click)="go({ after: null })">Back to the newest changes</button>
        }
      </div>
    } @else if (page(); as current) {
      @if (current.items.length === 0) {
        <p class="empty" role="status" data-testid="audit-empty">{{ emptyMessage() }}</p>
      } @else {
        <st-audit-table
          [events]="current.items"
          [actor]="filter().actor"
          [busy]="events.isLoading()"
          (onlyActor)="applyFilter({ actor: $event })"
        />
      }
      <div class="paging">
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>Rows per page</mat-label>
          <mat-select
            [value]="pageSize()"
            (selectionChange)="changePageSize($event.value)"
            data-testid="audit-page-size"
          >
            @for (size of pageSizes; track size) {
              <mat-option [value]="size">{{ size }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <span class="spacer"></span>
        <button
          mat-stroked-button
          type="button"
          [disabled]="trail().length === 0 || events.isLoading()"
          (click)="newer()"
          data-testid="audit-newer"
        >
          Newer
        </button>
        <button
          mat-stroked-button
          type="button"
          [disabled]="!current.nextCursor || events.isLoading()"
          (click)="older(current.nextCursor)"
          data-testid="audit-older"
        >
          Older
        </button>
      </div>
    } @else {
      <mat-spinner diameter="40" aria-label="Loading the audit log" />
    }
  `,
  styles: `
    h1 {
      font-size: 1.6rem;
      margin: 0 0 1rem;
    }
    .error p {
      color: var(--mat-sys-error);
    }
    .error button {
      margin-right: 0.5rem;
    }
    .empty {
      margin: 1.5rem 0;
    }
    .paging {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
      margin-top: 1rem;
    }
    .paging mat-form-field {
      width: 10.5rem;
    }
    .spacer {
      flex: 1;
    }
  `,
})
export class AuditPage {
  private readonly api = inject(AuditApi);
  private readonly router = inject(Router);

  /** Query parameters, bound by the router. */
  readonly action = input<string>();
  readonly actor = input<string>();
  readonly limit = input<string>();
  readonly after = input<string>();

  protected readonly pageSizes = AUDIT_PAGE_SIZES;
  protected readonly filter = computed(() => ({ action: actionParam(this.action()), actor: actorParam(this.actor()) }));
  protected readonly pageSize = computed(() => pageSizeParam(this.limit()));
  protected readonly trail = computed(() => trailParam(this.after()));
  private readonly query = computed<AuditQuery>(
    () => ({ ...this.filter(), limit: this.pageSize(), cursor: this.trail().at(-1) ?? null }),
    { equal: (a, b) => JSON.stringify(a) === JSON.stringify(b) },
  );

  protected readonly events = rxResource({ params: () => this.query(), stream: ({ params }) => this.api.list(params) });
  /** The page to show: the loaded one, or the previous one while the next is on its way (no flicker). */
  protected readonly page = linkedSignal<
    CursorPage<AuditEventView> | undefined,
    CursorPage<AuditEventView> | undefined
  >({
    source: () => (this.events.hasValue() ? this.events.value() : undefined),
    computation: (page, previous) => page ?? (this.events.isLoading() ? previous?.value : undefined),
  });

  protected readonly emptyMessage = computed(() => {
    const { action, actor } = this.filter();
    if (action || actor) return 'No changes match these filters.';
    if (this.trail().length > 0) return 'There are no older changes.';
    return 'Nothing has been changed through Steward yet.';
  });

  protected problemDetail(error: unknown): string {
    const problem = readProblem(error);
    return problem.status === 400 ? (problem.detail ?? problem.title) : '';
  }

  /** A filter change starts again from the newest page. */
  protected applyFilter(change: AuditFilterChange): void {
    this.go({ ...change, after: null });
  }

  protected changePageSize(size: number): void {
    this.go({ limit: size === DEFAULT_AUDIT_PAGE_SIZE ? null : size, after: null });
  }

  protected older(cursor: string | null): void {
    if (cursor) this.go({ after: [...this.trail(), cursor].join(',') });
  }

  protected newer(): void {
    this.go({ after: this.trail().slice(0, -1).join(',') || null });
  }

  protected go(queryParams: Params): void {
    void this.router.navigate([], { queryParams, queryParamsHandling: 'merge' });
  }
}
