import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { readProblem } from '@steward/console-core-data-access';
import { RecordsApi } from '@steward/console-records-data-access';
import type { Problem, RecordInput } from '@steward/shared-domain';
import { RecordForm } from './record-form';

/** Creates a record, then opens it. */
@Component({
  selector: 'st-new-record-page',
  imports: [RecordForm, RouterLink, MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a class="back" routerLink="..">← All records</a>
    <h1>New record</h1>
    <st-record-form submitLabel="Create" [busy]="saving()" [problem]="problem()" (submitted)="create($event)">
      <a mat-button routerLink="..">Cancel</a>
    </st-record-form>
  `,
  styles: `
    h1 {
      font-size: 1.6rem;
      margin: 0.5rem 0 1rem;
    }
  `,
})
export class NewRecordPage {
  private readonly api = inject(RecordsApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly saving = signal(false);
  protected readonly problem = signal<Problem | null>(null);

  protected create(input: RecordInput): void {
    this.saving.set(true);
    this.problem.set(null);
    this.api.create(input).subscribe({
      next: ({ record }) => {
        this.saving.set(false);
        this.snackBar.open('Record created', 'Dismiss', { duration: 4_000 });
        void this.router.navigate(['..', record.id], { relativeTo: this.route });
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.problem.set(readProblem(error));
      },
    });
  }
}
