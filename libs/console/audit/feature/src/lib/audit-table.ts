import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { DateTimePipe } from '@steward/console-ui';
import type { AuditEventView } from '@steward/shared-domain';
import { actionLabel } from './audit-actions';

const TARGET_ROUTES = new Map([
  ['record', '/records'],
  ['user', '/users'],
]);

/** One page of audit events as a table: when, who, what, to which target, in which request. */
@Component({
  selector: 'st-audit-table',
  imports: [MatTableModule, MatButtonModule, RouterLink, DateTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="scroll">
      <table mat-table [dataSource]="events()" aria-label="Audit log" [attr.aria-busy]="busy()">
        <ng-container matColumnDef="when">
          <th mat-header-cell *matHeaderCellDef scope="col">When</th>
          <td mat-cell *matCellDef="let event" class="when">{{ event.at | dateTime }}</td>
        </ng-container>
        <ng-container matColumnDef="who">
          <th mat-header-cell *matHeaderCellDef scope="col">Who</th>
          <td mat-cell *matCellDef="let event">
            <span class="actor" data-testid="audit-actor">{{ event.actorSub }}</span>
            @if (event.actorSub !== actor()) {
              <button
                mat-button
                type="button"
                class="only"
                [attr.aria-label]="'Only this actor: ' + event.actorSub"
                (click)="onlyActor.emit(event.actorSub)"
                data-testid="audit-only-actor"
              >
                Only this actor
              </button>
            }
          </td>
        </ng-container>
        <ng-container matColumnDef="action">
          <th mat-header-cell *matHeaderCellDef scope="col">Action</th>
          <td mat-cell *matCellDef="let event">
            <span data-testid="audit-action">{{ label(event.action) }}</span>
            @if (event.outcome !== 'succeeded') {
              <span class="outcome" data-testid="audit-outcome">{{ outcomeLabel(event.outcome) }}</span>
            }
            <small
              ><code>{{ event.action }}</code></small
            >
          </td>
        </ng-container>
        <ng-container matColumnDef="target">
          <th mat-header-cell *matHeaderCellDef scope="col">Target</th>
          <td mat-cell *matCellDef="let event">
            @let route = targetRoute(event);
            @if (route) {
              <a [routerLink]="route" data-testid="audit-target"
                >{{ event.targetType }} <code>{{ event.targetId }}</code></a
              >
            } @else {
              <span data-testid="audit-target"
                >{{ event.targetType }} <code>{{ event.targetId }}</code></span
              >
            }
          </td>
        </ng-container>
        <ng-container matColumnDef="request">
          <th mat-header-cell *matHeaderCellDef scope="col">Request id</th>
          <td mat-cell *matCellDef="let event">
            @if (event.requestId) {
              <code>{{ event.requestId }}</code>
            } @else {
              —
            }
            @if (event.correlationId) {
              <small
                >caller's id <code>{{ event.correlationId }}</code></small
              >
            }
          </td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let event; columns: columns" data-testid="audit-row"></tr>
      </table>
    </div>
  `,
  styles: `
    .scroll {
      overflow-x: auto;
    }
    table {
      min-width: 720px;
    }
    .when {
      white-space: nowrap;
    }
    .actor,
    small {
      display: block;
      overflow-wrap: anywhere;
    }
    code {
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
      font-size: 0.85em;
    }
    small {
      color: var(--mat-sys-on-surface-variant);
      overflow-wrap: normal;
      white-space: nowrap;
    }
    .outcome {
      margin-left: 8px;
      padding: 0 6px;
      border-radius: 4px;
      font-size: 0.8em;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .only {
      --mat-button-text-container-height: 28px;
      --mat-button-text-horizontal-padding: 4px;
      margin-left: -4px;
    }
  `,
})
export class AuditTable {
  readonly events = input.required<AuditEventView[]>();
  /** The actor the list is filtered by; their rows do not offer "Only this actor". */
  readonly actor = input<string | null>(null);
  readonly busy = input(false);
  readonly onlyActor = output<string>();

  protected readonly columns = ['when', 'who', 'action', 'target', 'request'];

  protected label(code: string): string {
    return actionLabel(code);
  }

  /** Only unusual outcomes are shown: a change that failed, or one whose outcome was never confirmed. */
  protected outcomeLabel(outcome: AuditEventView['outcome']): string {
    return outcome === 'failed' ? 'failed' : 'not confirmed';
  }

  protected targetRoute(event: AuditEventView): string[] | null {
    const base = TARGET_ROUTES.get(event.targetType);
    return base ? [base, event.targetId] : null;
  }
}
