import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { ApiNotices, readProblem } from '@steward/console-core-data-access';
import { UsersApi } from '@steward/console-users-data-access';
import { UserActions } from './user-actions';
import { UserProfile } from './user-profile';
import { UserRoles } from './user-roles';

/** One user's page: profile, roles and the actions the signed-in admin may take. */
@Component({
  selector: 'st-user-page',
  imports: [RouterLink, MatButtonModule, MatProgressSpinnerModule, UserProfile, UserRoles, UserActions],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="back"><a routerLink="..">Back to users</a></p>
    @if (notFound()) {
      <h1>User not found</h1>
      <p role="alert" data-testid="user-not-found">This user does not exist. They may have been deleted.</p>
      <a mat-stroked-button routerLink="..">Back to users</a>
    } @else if (user.error()) {
      <h1>User</h1>
      <div role="alert" data-testid="user-error">
        <p>We could not load this user.</p>
        <button mat-stroked-button type="button" (click)="user.reload()">Try again</button>
      </div>
    } @else if (user.hasValue()) {
      @let detail = user.value();
      <h1 data-testid="user-heading">{{ detail.name || detail.email }}</h1>
      <div class="sections">
        <st-user-profile [user]="detail" />
        <st-user-roles [user]="detail" (saved)="user.set($event)" />
        <st-user-actions [user]="detail" (changed)="user.set($event)" (deleted)="onDeleted()" />
      </div>
    } @else {
      <mat-spinner diameter="40" aria-label="Loading user" />
    }
  `,
  styles: `
    .back {
      margin: 0 0 0.5rem;
    }
    .back a {
      color: var(--mat-sys-primary);
    }
    h1 {
      font-size: 1.6rem;
      margin: 0 0 1rem;
      overflow-wrap: anywhere;
    }
    .sections {
      display: grid;
      gap: 2rem;
    }
  `,
})
export class UserPage {
  /** The Auth0 user id from the route (`:id`). */
  readonly id = input.required<string>();

  private readonly api = inject(UsersApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly notices = inject(ApiNotices);
  protected readonly user = rxResource({ params: () => this.id(), stream: ({ params }) => this.api.get(params) });
  protected readonly notFound = computed(() => {
    const error = this.user.error();
    return error !== undefined && readProblem(error).status === 404;
  });

  protected onDeleted(): void {
    this.notices.tell('User deleted');
    void this.router.navigate(['..'], { relativeTo: this.route });
  }
}
