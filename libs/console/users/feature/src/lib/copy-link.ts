import { ChangeDetectionStrategy, Component, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';

/** A link the admin must pass on (invitation, password reset): shown read-only with a Copy button. */
@Component({
  selector: 'st-copy-link',
  imports: [MatFormFieldModule, MatInputModule, MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="row">
      <mat-form-field appearance="outline" class="field" subscriptSizing="dynamic">
        <mat-label>{{ label() }}</mat-label>
        <input matInput #field readonly [value]="url()" (focus)="field.select()" [attr.data-testid]="testId()" />
      </mat-form-field>
      <button mat-stroked-button type="button" (click)="copy(field)">Copy</button>
    </div>
    <p class="note" role="status">{{ note() }}</p>
  `,
  styles: `
    .row {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1rem;
    }
    .field {
      flex: 1 1 18rem;
    }
    .note {
      margin: 0.25rem 0 0;
      min-height: 1.25rem;
    }
  `,
})
export class CopyLink {
  readonly label = input.required<string>();
  readonly url = input.required<string>();
  readonly testId = input<string>();
  protected readonly note = signal('');

  protected copy(field: HTMLInputElement): void {
    const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
    if (!clipboard) {
      this.copyBySelection(field);
      return;
    }
    clipboard.writeText(this.url()).then(
      () => this.note.set('Copied to the clipboard.'),
      () => this.copyBySelection(field),
    );
  }

  /** Fallback where the Clipboard API is missing or refused (insecure origin, permissions). */
  private copyBySelection(field: HTMLInputElement): void {
    field.focus();
    field.select();
    let copied = false;
    try {
      copied = document.execCommand('copy');
    } catch {
      copied = false;
    }
    this.note.set(copied ? 'Copied to the clipboard.' : 'The link is selected: press Ctrl+C (⌘C on a Mac) to copy it.');
  }
}
