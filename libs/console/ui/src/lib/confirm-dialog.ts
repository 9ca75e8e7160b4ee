import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { map, type Observable } from 'rxjs';

/** What a confirmation asks. */
export interface ConfirmOptions {
  title: string;
  message: string;
  /** Label of the confirming button, e.g. "Delete". */
  confirm: string;
  /** When set, the user must type this text (e.g. an email address) before confirming. */
  typeToConfirm?: string;
}

/** A confirmation dialog; destructive actions can require the user to type what they destroy. */
@Component({
  selector: 'st-confirm-dialog',
  imports: [MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ options.title }}</h2>
    <mat-dialog-content>
      <p>{{ options.message }}</p>
      @if (options.typeToConfirm; as expected) {
        <mat-form-field appearance="outline" class="typed">
          <mat-label>Type {{ expected }} to confirm</mat-label>
          <input matInput [value]="typed()" (input)="typed.set($any($event.target).value)" autocomplete="off" />
        </mat-form-field>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button [mat-dialog-close]="false">Cancel</button>
      <button mat-flat-button class="danger" [mat-dialog-close]="true" [disabled]="!confirmed()">
        {{ options.confirm }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .typed {
      width: 100%;
    }
    .danger:not(:disabled) {
      background: var(--mat-sys-error);
      color: var(--mat-sys-on-error);
    }
  `,
})
export class ConfirmDialog {
  protected readonly options = inject<ConfirmOptions>(MAT_DIALOG_DATA);
  protected readonly typed = signal('');
  protected readonly confirmed = computed(
    () => this.options.typeToConfirm === undefined || this.typed().trim() === this.options.typeToConfirm,
  );
}

/** Opens a {@link ConfirmDialog}; emits true only when the user confirmed. */
export function confirmAction(dialog: MatDialog, options: ConfirmOptions): Observable<boolean> {
  return dialog
    .open<ConfirmDialog, ConfirmOptions, boolean>(ConfirmDialog, { data: options, width: '28rem' })
    .afterClosed()
    .pipe(map((result) => result === true));
}
