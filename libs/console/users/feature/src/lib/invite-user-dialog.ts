import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { fieldErrors, readProblem } from '@steward/console-core-data-access';
import { UsersApi, type UserInvitation } from '@steward/console-users-data-access';
import type { UserDetail } from '@steward/shared-domain';
import { CopyLink } from './copy-link';
import { refusalMessage } from './refusal';

/** What the users list passes: the route the new user's page is relative to. */
export interface InviteUserData {
  relativeTo: ActivatedRoute;
}

type Field = 'name' | 'email';
const FIELDS: Field[] = ['name', 'email'];

/** Creates a user and hands the admin the invitation link; closes with the new user, if any. */
@Component({
  selector: 'st-invite-user-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    RouterLink,
    CopyLink,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>Invite user</h2>
    @if (invitation(); as done) {
      <mat-dialog-content>
        <p role="status" data-testid="invitation-created">
          {{ done.user.name }} ({{ done.user.email }}) was created. Send them this link so they can set a password.
        </p>
        <st-copy-link label="Invitation link" [url]="done.invitationUrl" testId="invitation-url" />
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <a mat-button [routerLink]="[done.user.id]" [relativeTo]="data.relativeTo" (click)="close(done.user)">
          Open user page
        </a>
        <button mat-flat-button type="button" (click)="close(done.user)">Done</button>
      </mat-dialog-actions>
    } @else {
      <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
        <mat-dialog-content class="fields">
          <mat-form-field appearance="outline">
            <mat-label>Name</mat-label>
            <input matInput formControlName="name" autocomplete="off" maxlength="100" required />
            <mat-error data-testid="invite-name-error">{{ errorText('name') }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>Email</mat-label>
            <input matInput type="email" formControlName="email" autocomplete="off" maxlength="254" required />
            <mat-error data-testid="invite-email-error">{{ errorText('email') }}</mat-error>
          </mat-form-field>
          @if (formError(); as message) {
            <p class="refusal" role="alert" data-testid="invite-error">{{ message }}</p>
          }
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <button mat-button type="button" mat-dialog-close>Cancel</button>
          <button mat-flat-button type="submit" [disabled]="saving()">Invite</button>
        </mat-dialog-actions>
      </form>
    }
  `,
  styles: `
    .fields {
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
    }
    .refusal {
      color: var(--mat-sys-error);
      margin: 0;
    }
  `,
})
export class InviteUserDialog {
  protected readonly data = inject<InviteUserData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<InviteUserDialog, UserDetail>>(MatDialogRef);
  private readonly api = inject(UsersApi);

  protected readonly form = new FormGroup({
    name: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(100)] }),
    email: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.email, Validators.maxLength(254)],
    }),
  });
  protected readonly saving = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly invitation = signal<UserInvitation | null>(null);

  protected errorText(field: Field): string {
    const control = this.form.controls[field];
    const server = control.getError('server') as string | null;
    if (server) return server;
    if (control.hasError('required')) return `Enter the user's ${field}.`;
    if (control.hasError('email')) return 'Enter a valid email address.';
    if (control.hasError('maxlength')) return `The ${field} is too long.`;
    return '';
  }

  protected submit(): void {
    this.formError.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { name, email } = this.form.getRawValue();
    this.saving.set(true);
    this.api.create({ name: name.trim(), email: email.trim() }).subscribe({
      next: (invitation) => {
        this.saving.set(false);
        this.invitation.set(invitation);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.showProblem(error);
      },
    });
  }

  protected close(user: UserDetail): void {
    this.dialogRef.close(user);
  }

  private showProblem(error: unknown): void {
    const problem = readProblem(error);
    let placed = false;
    for (const field of FIELDS) {
      const messages = fieldErrors(problem, field);
      if (messages.length === 0) continue;
      const control = this.form.controls[field];
      control.setErrors({ server: messages.join(' ') });
      control.markAsTouched();
      placed = true;
    }
    if (!placed) this.formError.set(refusalMessage(error));
  }
}
