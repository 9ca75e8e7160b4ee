import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal } from '@angular/core';
import { rxResource, takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { ActivatedRoute, Router, type Params } from '@angular/router';
import { CurrentUser } from '@steward/console-auth-data-access';
import { readProblem } from '@steward/console-core-data-access';
import { USER_SEARCH_LIMIT, UsersApi, type UserSearch } from '@steward/console-users-data-access';
import type { UserDetail, UserPage } from '@steward/shared-domain';
import { Subject, debounceTime, filter, map } from 'rxjs';
import { InviteUserDialog, type InviteUserData } from './invite-user-dialog';
import { DEFAULT_USERS_PER_PAGE, USER_PAGE_SIZES, toPageIndex, toPerPage, toQuery } from './users-query';
import { UsersTable } from './users-table';

/** Search wait before the address (and so the list) follows what the admin types. */
const SEARCH_DEBOUNCE_MS = 300;

/** The users list: search, page through and invite; the address holds `q`, `page` and `perPage`. */
@Component({
  selector: 'st-users-page',
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressSpinnerModule,
    UsersTable,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="head">
      <h1>Users</h1>
      @if (currentUser.can('create:users')) {
        <button mat-flat-button type="button" (click)="invite()" data-testid="invite-user">Invite user</button>
      }
    </header>
    <mat-form-field appearance="outline" class="search">
      <mat-label>Search users</mat-label>
      <input
        matInput
        type="search"
        maxlength="100"
        autocomplete="off"
        data-testid="user-search"
        [value]="text()"
        (input)="type($any($event.target).value)"
      />
      <mat-hint>The start of a name or an email address</mat-hint>
    </mat-form-field>
    @if (users.error(); as error) {
      <div class="error" role="alert" data-testid="users-error">
        <p>{{ loadError(error) }}</p>
        <button mat-stroked-button type="button" (click)="users.reload()">Try again</button>
      </div>
    } @else if (shown(); as result) {
      @if (result.items.length === 0) {
        <p role="status" data-testid="users-empty">No users match{{ search().q ? ' “' + search().q + '”' : '' }}.</p>
      } @else {
        <st-users-table [users]="result.items" />
      }
      <p class="total" data-testid="users-total">
        {{ result.total }} {{ result.total === 1 ? 'user' : 'users' }}
        @if (result.total > limit) {
          — only the first {{ limit }} can be paged through; refine the search to find others.
        }
      </p>
      @if (result.total > 0) {
        <mat-paginator
          aria-label="Pages of users"
          [length]="pageable()"
          [pageIndex]="search().page"
          [pageSize]="search().perPage"
          [pageSizeOptions]="pageSizes"
          (page)="turn($event)"
        />
      }
    } @else {
      <mat-spinner diameter="40" aria-label="Loading users" />
    }
  `,
  styles: `
    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 1rem;
      margin-bottom: 1rem;
    }
    h1 {
      font-size: 1.6rem;
      margin: 0;
    }
    .search {
      width: min(100%, 28rem);
      margin-bottom: 0.5rem;
    }
    .error p {
      color: var(--mat-sys-error);
    }
    .total {
      margin: 0.75rem 0 0;
    }
  `,
})
export class UsersPage {
  readonly q = input('', { transform: toQuery });
  readonly page = input(0, { transform: toPageIndex });
  readonly perPage = input(DEFAULT_USERS_PER_PAGE, { transform: toPerPage });

  protected readonly currentUser = inject(CurrentUser);
  private readonly api = inject(UsersApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly dialog = inject(MatDialog);

  protected readonly limit = USER_SEARCH_LIMIT;
  protected readonly pageSizes = USER_PAGE_SIZES;
  /** The request the address describes; pages past the API's first 1000 results are never asked for. */
  protected readonly search = computed<Required<UserSearch>>(
    () => {
      const perPage = this.perPage();
      const lastPage = Math.max(0, Math.floor(USER_SEARCH_LIMIT / perPage) - 1);
      return { q: this.q().trim(), page: Math.min(this.page(), lastPage), perPage };
    },
    { equal: (a, b) => a.q === b.q && a.page === b.page && a.perPage === b.perPage },
  );
  protected readonly users = rxResource({ params: this.search, stream: ({ params }) => this.api.search(params) });
  /** The last page received stays on screen while the next one loads, so the table does not flash. */
  protected readonly shown = linkedSignal<UserPage | undefined, UserPage | undefined>({
    source: () => (this.users.hasValue() ? this.users.value() : undefined),
    computation: (page, previous) => page ?? previous?.value,
  });
  protected readonly pageable = computed(() => Math.min(this.shown()?.total ?? 0, USER_SEARCH_LIMIT));
  protected readonly text = linkedSignal(() => this.q());
  private readonly typed = new Subject<string>();

  constructor() {
    this.typed
      .pipe(
        debounceTime(SEARCH_DEBOUNCE_MS),
        map(toQuery),
        filter((q) => q !== this.q()),
        takeUntilDestroyed(),
      )
      .subscribe((q) => this.navigate({ q: q.trim() ? q : null, page: null }));
  }

  protected type(text: string): void {
    this.text.set(text);
    this.typed.next(text);
  }

  protected turn(event: PageEvent): void {
    this.navigate({
      page: event.pageIndex > 0 ? event.pageIndex : null,
      perPage: event.pageSize === DEFAULT_USERS_PER_PAGE ? null : event.pageSize,
    });
  }

  protected loadError(error: Error): string {
    const problem = readProblem(error);
    const details = Object.values(problem.errors ?? {}).flat();
    if (problem.status === 400 && details.length > 0) return `The API refused this search: ${details.join(' ')}`;
    return 'We could not load the users.';
  }

  protected invite(): void {
    this.dialog
      .open<InviteUserDialog, InviteUserData, UserDetail>(InviteUserDialog, {
        data: { relativeTo: this.route },
        width: '32rem',
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((created) => {
        if (created) this.users.reload();
      });
  }

  private navigate(queryParams: Params): void {
    void this.router.navigate([], { queryParams, queryParamsHandling: 'merge' });
  }
}
