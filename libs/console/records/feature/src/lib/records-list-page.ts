import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSelectModule } from '@angular/material/select';
import { MatSortModule, type Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router, RouterLink, type Params } from '@angular/router';
import { CurrentUser } from '@steward/console-auth-data-access';
import { readProblem } from '@steward/console-core-data-access';
import { RecordsApi } from '@steward/console-records-data-access';
import { DateTimePipe } from '@steward/console-ui';
import {
  RECORD_STATUSES,
  type CursorPage,
  type Problem,
  type RecordStatus,
  type RecordView,
} from '@steward/shared-domain';
import { catchError, debounceTime, distinctUntilChanged, filter, map, merge, of, Subject, switchMap, tap } from 'rxjs';
import { RecordDeletion } from './record-deletion';
import { STATUS_LABELS } from './record-fields';
import {
  DEFAULT_PAGE_SIZE,
  FIRST_PAGE,
  listQuery,
  nextPage,
  PAGE_SIZES,
  pageNumber,
  previousPage,
  readListView,
  sameView,
  sortParam,
  sortState,
} from './records-list-view';

/** Search waits this long after the last keystroke before it changes the URL. */
export const SEARCH_DEBOUNCE_MS = 300;
const ALL_STATUSES = 'all';

/**
 * The records of the user's organization, a page at a time. Every part of the view (search,
 * status, sort, page size, page) lives in the URL's query parameters; the page only reads them.
 */
@Component({
  selector: 'st-records-list-page',
  imports: [
    DateTimePipe,
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatChipsModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatProgressSpinnerModule,
    MatSelectModule,
    MatSortModule,
    MatTableModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="head">
      <h1>Records</h1>
      @if (canCreate()) {
        <a mat-flat-button routerLink="new">New record</a>
      }
    </header>

    <div class="filters" role="search">
      <mat-form-field appearance="outline" class="search" subscriptSizing="dynamic">
        <mat-label>Search titles</mat-label>
        <input matInput type="search" [formControl]="search" maxlength="200" autocomplete="off" />
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>Status</mat-label>
        <mat-select
          [value]="view().status ?? allStatuses"
          (selectionChange)="setStatus($event.value)"
          data-testid="status-filter"
        >
          <mat-option [value]="allStatuses">All statuses</mat-option>
          @for (status of statuses; track status) {
            <mat-option [value]="status">{{ statusLabels[status] }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
    </div>

    @let current = page();
    @if (loading() && current) {
      <mat-progress-bar mode="indeterminate" aria-label="Loading records" />
    }
    @if (problem(); as failure) {
      <div role="alert" class="failure">
        <p>We could not load the records: {{ failure.detail ?? failure.title }}</p>
        <button mat-stroked-button (click)="reload()">Try again</button>
        @if (view().cursor) {
          <button mat-button (click)="firstPage()">Go to the first page</button>
        }
      </div>
    } @else if (!current) {
      <mat-spinner diameter="40" aria-label="Loading records" />
    } @else if (current.items.length === 0) {
      <div class="empty" data-testid="empty-state">
        @if (filtered()) {
          <p>No records match.</p>
          <button mat-stroked-button (click)="clearFilters()">Clear filters</button>
        } @else {
          <p>No records yet.</p>
          @if (canCreate()) {
            <a mat-flat-button routerLink="new">Create a record</a>
          }
        }
      </div>
    } @else {
      <table
        mat-table
        [dataSource]="current.items"
        [trackBy]="trackById"
        matSort
        matSortDisableClear
        [matSortActive]="sort().active"
        [matSortDirection]="sort().direction"
        (matSortChange)="setSort($event)"
      >
        <ng-container matColumnDef="title">
          <th mat-header-cell *matHeaderCellDef mat-sort-header>Title</th>
          <td mat-cell *matCellDef="let record">
            <a [routerLink]="[record.id]">{{ record.title }}</a>
          </td>
        </ng-container>
        <ng-container matColumnDef="status">
          <th mat-header-cell *matHeaderCellDef>Status</th>
          <td mat-cell *matCellDef="let record">{{ statusLabel(record.status) }}</td>
        </ng-container>
        <ng-container matColumnDef="tags">
          <th mat-header-cell *matHeaderCellDef>Tags</th>
          <td mat-cell *matCellDef="let record">
            @if (record.tags.length > 0) {
              <mat-chip-set [attr.aria-label]="'Tags of ' + record.title">
                @for (tag of record.tags; track tag) {
                  <mat-chip>{{ tag }}</mat-chip>
                }
              </mat-chip-set>
            }
          </td>
        </ng-container>
        <ng-container matColumnDef="createdAt">
          <th mat-header-cell *matHeaderCellDef mat-sort-header start="desc">Created</th>
          <td mat-cell *matCellDef="let record">{{ record.createdAt | dateTime }}</td>
        </ng-container>
        <ng-container matColumnDef="updatedAt">
          <th mat-header-cell *matHeaderCellDef mat-sort-header start="desc">Updated</th>
          <td mat-cell *matCellDef="let record">{{ record.updatedAt | dateTime }}</td>
        </ng-container>
        <ng-container matColumnDef="actions">
          <th mat-header-cell *matHeaderCellDef><span class="cdk-visually-hidden">Actions</span></th>
          <td mat-cell *matCellDef="let record">
            <button mat-button class="danger" [attr.aria-label]="'Delete ' + record.title" (click)="delete(record)">
              Delete
            </button>
          </td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns()"></tr>
        <tr mat-row *matRowDef="let row; columns: columns()"></tr>
      </table>
    }

    @if (current && !problem()) {
      <nav class="pager" aria-label="Pages">
        <mat-form-field appearance="outline" subscriptSizing="dynamic" class="size">
          <mat-label>Per page</mat-label>
          <mat-select [value]="view().limit" (selectionChange)="setPageSize($event.value)" data-testid="page-size">
            @for (size of pageSizes; track size) {
              <mat-option [value]="size">{{ size }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <span class="page-number">Page {{ pageNumber() }}</span>
        <button mat-stroked-button (click)="previous()" [disabled]="!view().cursor">Previous page</button>
        <button mat-stroked-button (click)="next()" [disabled]="!current.nextCursor">Next page</button>
      </nav>
    }
  `,
  styles: `
    .danger {
      color: var(--mat-sys-error);
    }
    .head {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 1rem;
    }
    h1 {
      font-size: 1.6rem;
      margin: 0 0 1rem;
    }
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 1rem;
      margin-bottom: 1rem;
    }
    .search {
      flex: 1 1 18rem;
    }
    table {
      width: 100%;
    }
    .failure,
    .empty {
      padding: 2rem 0;
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 1rem;
    }
    .failure p,
    .empty p {
      margin: 0;
      flex-basis: 100%;
    }
    .pager {
      display: flex;
      align-items: center;
      justify-content: flex-end;
      gap: 1rem;
      margin-top: 1rem;
    }
    .size {
      width: 8.5rem;
    }
  `,
})
export class RecordsListPage {
  private readonly api = inject(RecordsApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly deletion = inject(RecordDeletion);
  private readonly user = inject(CurrentUser);

  protected readonly statuses = RECORD_STATUSES;
  protected readonly statusLabels = STATUS_LABELS;
  protected readonly pageSizes = PAGE_SIZES;
  protected readonly allStatuses = ALL_STATUSES;

  protected readonly view = toSignal(this.route.queryParamMap.pipe(map(readListView)), { requireSync: true });
  protected readonly sort = computed(() => sortState(this.view().sort));
  protected readonly pageNumber = computed(() => pageNumber(this.view()));
  protected readonly filtered = computed(() => {
    const view = this.view();
    return view.q !== '' || view.status !== null || view.cursor !== null;
  });

  protected readonly canCreate = computed(() => this.user.can('create:records'));
  protected readonly canDelete = computed(() => this.user.can('delete:records'));
  protected readonly columns = computed(() => [
    'title',
    'status',
    'tags',
    'createdAt',
    'updatedAt',
    ...(this.canDelete() ? ['actions'] : []),
  ]);

  protected readonly page = signal<CursorPage<RecordView> | null>(null);
  protected readonly loading = signal(true);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly search = new FormControl(this.view().q, { nonNullable: true });

  private readonly reloads = new Subject<void>();

  constructor() {
    const views = this.route.queryParamMap.pipe(map(readListView), distinctUntilChanged(sameView));
    merge(views, this.reloads.pipe(map(() => this.view())))
      .pipe(
        tap(() => {
          this.loading.set(true);
          this.problem.set(null);
        }),
        switchMap((view) =>
          this.api.list(listQuery(view)).pipe(
            map((page) => ({ page, problem: null })),
            catchError((error: unknown) => of({ page: null, problem: readProblem(error) })),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe(({ page, problem }) => {
        this.loading.set(false);
        this.problem.set(problem);
        if (page) this.page.set(page);
      });

    this.search.valueChanges
      .pipe(
        map((text) => text.trim()),
        debounceTime(SEARCH_DEBOUNCE_MS),
        filter((q) => q !== this.view().q),
        takeUntilDestroyed(),
      )
      .subscribe((q) => this.go({ q: q || null, ...FIRST_PAGE }));

    // Back/forward and links change `q` without typing: show what the URL says.
    effect(() => {
      const q = this.view().q;
      untracked(() => {
        if (this.search.value.trim() !== q) this.search.setValue(q, { emitEvent: false });
      });
    });
  }

  protected statusLabel(status: RecordStatus): string {
    return STATUS_LABELS[status] ?? status;
  }

  protected readonly trackById = (_index: number, record: RecordView) => record.id;

  protected reload(): void {
    this.reloads.next();
  }

  protected setStatus(value: string): void {
    this.go({ status: value === ALL_STATUSES ? null : value, ...FIRST_PAGE });
  }

  protected setSort(sort: Sort): void {
    this.go({ sort: sortParam(sort.active, sort.direction), ...FIRST_PAGE });
  }

  protected setPageSize(limit: number): void {
    this.go({ limit: limit === DEFAULT_PAGE_SIZE ? null : limit, ...FIRST_PAGE });
  }

  protected next(): void {
    const nextCursor = this.page()?.nextCursor;
    if (nextCursor) this.go(nextPage(this.view(), nextCursor));
  }

  protected previous(): void {
    this.go(previousPage(this.view()));
  }

  protected firstPage(): void {
    this.go(FIRST_PAGE);
  }

  protected clearFilters(): void {
    this.search.setValue('', { emitEvent: false });
    this.go({ q: null, status: null, ...FIRST_PAGE });
  }

  protected delete(record: RecordView): void {
    this.deletion
      .confirmAndDelete(record, () => this.reload())
      .pipe(filter(Boolean))
      .subscribe(() =>
        this.page.update((page) => page && { ...page, items: page.items.filter((item) => item.id !== record.id) }),
      );
  }

  private go(queryParams: Params): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams, queryParamsHandling: 'merge' });
  }
}
