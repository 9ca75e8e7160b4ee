import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { DateTimePipe } from '@steward/console-ui';
import type { UserSummary } from '@steward/shared-domain';

/** One page of users; each name and email opens that user's page. */
@Component({
  selector: 'st-users-table',
  imports: [MatTableModule, RouterLink, DateTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="wrap">
      <table mat-table [dataSource]="users()" aria-label="Users">
        <ng-container matColumnDef="name">
          <th mat-header-cell *matHeaderCellDef scope="col">Name</th>
          <td mat-cell *matCellDef="let user">
            <a [routerLink]="[user.id]" data-testid="user-name">{{ user.name || '(no name)' }}</a>
          </td>
        </ng-container>
        <ng-container matColumnDef="email">
          <th mat-header-cell *matHeaderCellDef scope="col">Email</th>
          <td mat-cell *matCellDef="let user">
            <a [routerLink]="[user.id]" data-testid="user-email">{{ user.email }}</a>
          </td>
        </ng-container>
        <ng-container matColumnDef="status">
          <th mat-header-cell *matHeaderCellDef scope="col">Status</th>
          <td mat-cell *matCellDef="let user" data-testid="user-status">
            <span [class.blocked]="user.blocked">{{ user.blocked ? 'Blocked' : 'Active' }}</span>
          </td>
        </ng-container>
        <ng-container matColumnDef="lastLogin">
          <th mat-header-cell *matHeaderCellDef scope="col">Last login</th>
          <td mat-cell *matCellDef="let user">{{ user.lastLogin ? (user.lastLogin | dateTime) : 'Never' }}</td>
        </ng-container>
        <ng-container matColumnDef="loginsCount">
          <th mat-header-cell *matHeaderCellDef scope="col" class="number">Logins</th>
          <td mat-cell *matCellDef="let user" class="number">{{ user.loginsCount }}</td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let user; columns: columns" data-testid="user-row"></tr>
      </table>
    </div>
  `,
  styles: `
    .wrap {
      overflow-x: auto;
    }
    table {
      width: 100%;
      min-width: 44rem;
    }
    a {
      color: var(--mat-sys-primary);
    }
    .blocked {
      color: var(--mat-sys-error);
      font-weight: 600;
    }
    .number {
      text-align: end;
    }
  `,
})
export class UsersTable {
  readonly users = input.required<UserSummary[]>();
  protected readonly columns = ['name', 'email', 'status', 'lastLogin', 'loginsCount'];
}
