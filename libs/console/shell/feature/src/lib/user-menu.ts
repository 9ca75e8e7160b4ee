import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatMenuModule } from '@angular/material/menu';
import { RouterLink } from '@angular/router';
import { Session } from '@steward/console-auth-data-access';

/** The account menu of the top bar. The shell loads it with `@defer`: it brings the CDK overlay. */
@Component({
  selector: 'st-user-menu',
  imports: [MatButtonModule, MatMenuModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button mat-button [matMenuTriggerFor]="userMenu" data-testid="user-menu">{{ label() }}</button>
    <mat-menu #userMenu="matMenu">
      <a mat-menu-item routerLink="/profile">Profile</a>
      <button mat-menu-item (click)="session.signOut()">Sign out</button>
    </mat-menu>
  `,
})
export class UserMenu {
  protected readonly session = inject(Session);
  /** The signed-in user's name (or email), shown on the button. */
  readonly label = input.required<string>();
}
