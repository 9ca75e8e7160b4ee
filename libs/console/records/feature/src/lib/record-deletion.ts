import { Injectable, inject } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { readProblem } from '@steward/console-core-data-access';
import { RecordsApi } from '@steward/console-records-data-access';
import { confirmAction } from '@steward/console-ui';
import type { RecordView } from '@steward/shared-domain';
import { catchError, map, of, switchMap, type Observable } from 'rxjs';

/** How long "Record deleted" offers Undo. */
export const UNDO_MS = 8_000;

/** Failures the console's HTTP error policy already tells the user about (sign-in, access, busy, down). */
const toldElsewhere = (status: number) => [0, 401, 403, 429].includes(status) || status >= 500;

/** Deleting a record the same way everywhere: confirm, delete, then a snack bar offering Undo. */
@Injectable({ providedIn: 'root' })
export class RecordDeletion {
  private readonly api = inject(RecordsApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  /**
   * Asks, then deletes. Emits true once the record is gone (also when someone else deleted it
   * first), false when the user cancelled or the delete failed. `restored` runs after an Undo.
   */
  confirmAndDelete(record: RecordView, restored: () => void): Observable<boolean> {
    return confirmAction(this.dialog, {
      title: 'Delete this record?',
      message: `“${record.title}” will be deleted. You can undo this for a few seconds.`,
      confirm: 'Delete',
    }).pipe(
      switchMap((confirmed) => {
        if (!confirmed) return of(false);
        return this.api.delete(record.id).pipe(
          map(() => {
            this.offerUndo(record, restored);
            return true;
          }),
          catchError((error: unknown) => {
            const problem = readProblem(error);
            if (problem.status === 404) {
              this.snackBar.open('This record was already deleted.', 'Dismiss', { duration: 6_000 });
              return of(true);
            }
            if (!toldElsewhere(problem.status))
              this.tell(`Could not delete the record: ${problem.detail ?? problem.title}`);
            return of(false);
          }),
        );
      }),
    );
  }

  private offerUndo(record: RecordView, restored: () => void): void {
    this.snackBar
      .open('Record deleted', 'Undo', { duration: UNDO_MS })
      .onAction()
      .pipe(switchMap(() => this.api.restore(record.id)))
      .subscribe({
        next: () => {
          this.snackBar.open('Record restored', 'Dismiss', { duration: 4_000 });
          restored();
        },
        error: (error: unknown) => {
          const problem = readProblem(error);
          if (!toldElsewhere(problem.status))
            this.tell(`Could not restore the record: ${problem.detail ?? problem.title}`);
        },
      });
  }

  private tell(message: string): void {
    this.snackBar.open(message, 'Dismiss', { duration: 6_000 });
  }
}
