import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { CurrentUser } from '@steward/console-auth-data-access';

/** Where the permission guard sends a user who may not open a page (the API would refuse anyway). */
@Component({
  selector: 'st-no-access-page',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="st-card" aria-labelledby="no-access-title">
      <h1 id="no-access-title">You don't have access to this page</h1>
      @if (currentUser.me.error()) {
        <p role="alert">We could not check your permissions with the Steward API.</p>
      } @else {
        <p data-testid="no-access">
          Your account lacks the permission needed for <code>{{ from() ?? 'this page' }}</code
          >. Ask an administrator if you need it.
        </p>
      }
      <div class="actions">
        @if (currentUser.me.error()) {
          <button type="button" class="st-button outlined" (click)="currentUser.me.reload()">Try again</button>
        }
        <a class="st-button filled" routerLink="/">Go to the start page</a>
      </div>
    </section>
  `,
  styles: `
    section {
      max-width: 560px;
      margin: 3rem auto;
    }
    h1 {
      margin: 0 0 1rem;
      font-size: 1.5rem;
    }
  `,
})
export class NoAccessPage {
  protected readonly currentUser = inject(CurrentUser);
  /** The address the user asked for (query parameter set by the permission guard). */
  readonly from = input<string>();
}
