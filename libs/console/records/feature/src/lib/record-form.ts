import { COMMA, ENTER } from '@angular/cdk/keycodes';
import { ChangeDetectionStrategy, Component, computed, effect, input, output, untracked } from '@angular/core';
import {
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  Validators,
  type AbstractControl,
  type ValidationErrors,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule, type MatChipInputEvent } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  RECORD_LIMITS,
  RECORD_STATUSES,
  type Problem,
  type RecordInput,
  type RecordStatus,
} from '@steward/shared-domain';
import { RECORD_FIELDS, STATUS_LABELS } from './record-fields';

export const EMPTY_RECORD: RecordInput = { title: '', description: '', status: 'draft', tags: [] };

type RecordField = (typeof RECORD_FIELDS)[number];

const notBlank = (control: AbstractControl<string>): ValidationErrors | null =>
  control.value.trim() === '' ? { required: true } : null;

function tagLimits(control: AbstractControl<string[]>): ValidationErrors | null {
  const tags = control.value;
  if (tags.length > RECORD_LIMITS.tags) return { tooMany: true };
  if (tags.some((tag) => tag.length > RECORD_LIMITS.tag)) return { tooLong: true };
  return null;
}

/** The field a server message belongs to: validation paths like `tags.3` count for `tags`. */
const fieldOf = (path: string): RecordField | null => {
  const field = path.split('.')[0];
  return (RECORD_FIELDS as readonly string[]).includes(field) ? (field as RecordField) : null;
};

/**
 * The fields of a record, for creating and editing. Shows `value` (and starts over whenever it
 * changes), checks the API's limits as the user types, and shows the API's messages from a 400
 * `problem` under their fields; any other problem is shown above the buttons.
 */
@Component({
  selector: 'st-record-form',
  imports: [ReactiveFormsModule, MatButtonModule, MatChipsModule, MatFormFieldModule, MatInputModule, MatSelectModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-form-field appearance="outline">
        <mat-label>Title</mat-label>
        <input matInput formControlName="title" [maxlength]="limits.title" required autocomplete="off" />
        <mat-hint align="end">{{ form.controls.title.value.length }} / {{ limits.title }}</mat-hint>
        @if (form.controls.title.hasError('required')) {
          <mat-error>Enter a title.</mat-error>
        } @else if (form.controls.title.hasError('maxlength')) {
          <mat-error>A title has at most {{ limits.title }} characters.</mat-error>
        }
        @if (form.controls.title.getError('server'); as message) {
          <mat-error data-testid="title-error">{{ message }}</mat-error>
        }
      </mat-form-field>

      <mat-form-field appearance="outline">
        <mat-label>Description</mat-label>
        <textarea matInput formControlName="description" rows="6" [maxlength]="limits.description"></textarea>
        <mat-hint align="end">{{ form.controls.description.value.length }} / {{ limits.description }}</mat-hint>
        @if (form.controls.description.hasError('maxlength')) {
          <mat-error>A description has at most {{ limits.description }} characters.</mat-error>
        }
        @if (form.controls.description.getError('server'); as message) {
          <mat-error data-testid="description-error">{{ message }}</mat-error>
        }
      </mat-form-field>

      <mat-form-field appearance="outline">
        <mat-label>Status</mat-label>
        <mat-select formControlName="status" required>
          @for (status of statuses; track status) {
            <mat-option [value]="status">{{ statusLabels[status] }}</mat-option>
          }
        </mat-select>
        @if (form.controls.status.getError('server'); as message) {
          <mat-error data-testid="status-error">{{ message }}</mat-error>
        }
      </mat-form-field>

      <mat-form-field appearance="outline">
        <mat-label>Tags</mat-label>
        <mat-chip-grid #tagGrid formControlName="tags">
          @for (tag of form.controls.tags.value; track tag) {
            <mat-chip-row (removed)="removeTag(tag)" [editable]="false">
              {{ tag }}
              <button matChipRemove [attr.aria-label]="'Remove tag ' + tag">
                <span aria-hidden="true">×</span>
              </button>
            </mat-chip-row>
          }
        </mat-chip-grid>
        <!-- Beside the grid, not inside it: a grid may only contain rows (axe aria-required-children). -->
        <input
          placeholder="Add a tag…"
          [matChipInputFor]="tagGrid"
          [matChipInputSeparatorKeyCodes]="separators"
          [matChipInputAddOnBlur]="true"
          (matChipInputTokenEnd)="addTag($event)"
          [attr.maxlength]="limits.tag"
        />
        <mat-hint>Press Enter or comma after each tag; up to {{ limits.tags }}.</mat-hint>
        @if (form.controls.tags.hasError('tooMany')) {
          <mat-error>A record has at most {{ limits.tags }} tags.</mat-error>
        } @else if (form.controls.tags.hasError('tooLong')) {
          <mat-error>A tag has at most {{ limits.tag }} characters.</mat-error>
        }
        @if (form.controls.tags.getError('server'); as message) {
          <mat-error data-testid="tags-error">{{ message }}</mat-error>
        }
      </mat-form-field>

      @if (formProblem(); as message) {
        <p role="alert" class="form-problem" data-testid="form-problem">{{ message }}</p>
      }

      <div class="actions">
        <ng-content />
        <button mat-flat-button type="submit" [disabled]="busy() || locked()">{{ submitLabel() }}</button>
      </div>
    </form>
  `,
  styles: `
    form {
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
      max-width: 48rem;
    }
    .actions {
      display: flex;
      justify-content: flex-end;
      gap: 0.75rem;
    }
    .form-problem {
      margin: 0;
      padding: 0.75rem 1rem;
      border-radius: 4px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
})
export class RecordForm {
  /** The version being edited; the form shows it again whenever it changes. */
  readonly value = input<RecordInput>(EMPTY_RECORD);
  /** What the API said about the last attempt, if it failed. */
  readonly problem = input<Problem | null>(null);
  /** A request is in flight: the form waits. */
  readonly busy = input(false);
  /** The form cannot be changed, e.g. while an edit conflict is being resolved. */
  readonly locked = input(false);
  readonly submitLabel = input('Save');
  /** The complete, trimmed value the user asks to save. */
  readonly submitted = output<RecordInput>();

  protected readonly limits = RECORD_LIMITS;
  protected readonly statuses = RECORD_STATUSES;
  protected readonly statusLabels = STATUS_LABELS;
  protected readonly separators = [ENTER, COMMA];

  readonly form = new FormGroup({
    title: new FormControl('', {
      nonNullable: true,
      validators: [notBlank, Validators.maxLength(RECORD_LIMITS.title)],
    }),
    description: new FormControl('', {
      nonNullable: true,
      validators: [Validators.maxLength(RECORD_LIMITS.description)],
    }),
    status: new FormControl<RecordStatus>('draft', { nonNullable: true, validators: [Validators.required] }),
    tags: new FormControl<string[]>([], { nonNullable: true, validators: [tagLimits] }),
  });

  /** The part of the problem no field explains: shown as an alert above the buttons. */
  protected readonly formProblem = computed(() => {
    const problem = this.problem();
    if (!problem) return null;
    const paths = Object.keys(problem.errors ?? {});
    const unplaced = paths.filter((path) => fieldOf(path) === null);
    if (paths.length > 0 && unplaced.length === 0) return null;
    const details = unplaced.flatMap((path) => problem.errors?.[path] ?? []);
    return [problem.detail ?? problem.title, ...details].join(' ');
  });

  constructor() {
    effect(() => {
      const value = this.value();
      untracked(() => this.form.reset({ ...value, tags: [...value.tags] }));
    });
    effect(() => {
      const disabled = this.busy() || this.locked();
      untracked(() => (disabled ? this.form.disable() : this.form.enable()));
    });
    effect(() => {
      const errors = this.problem()?.errors ?? {};
      untracked(() => this.showServerErrors(errors));
    });
  }

  protected addTag(event: MatChipInputEvent): void {
    const tag = event.value.trim();
    const tags = this.form.controls.tags;
    if (tag && !tags.value.includes(tag)) {
      tags.setValue([...tags.value, tag]);
      tags.markAsDirty();
      tags.markAsTouched();
    }
    event.chipInput.clear();
  }

  protected removeTag(tag: string): void {
    const tags = this.form.controls.tags;
    tags.setValue(tags.value.filter((item) => item !== tag));
    tags.markAsDirty();
    tags.markAsTouched();
  }

  protected submit(): void {
    if (this.busy() || this.locked()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    this.submitted.emit({ ...value, title: value.title.trim(), tags: value.tags.map((tag) => tag.trim()) });
  }

  /** Puts the API's messages on their fields; they clear as soon as the field changes. */
  private showServerErrors(errors: Record<string, string[]>): void {
    const byField = new Map<RecordField, string[]>();
    for (const [path, messages] of Object.entries(errors)) {
      const field = fieldOf(path);
      if (field) byField.set(field, [...(byField.get(field) ?? []), ...messages]);
    }
    for (const [field, messages] of byField) {
      const control = this.form.controls[field];
      control.setErrors({ ...control.errors, server: messages.join(' ') });
      control.markAsTouched();
    }
  }
}
