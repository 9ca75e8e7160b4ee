import { TestBed } from '@angular/core/testing';
import {
  MatSnackBar,
  type MatSnackBarDismiss,
  type MatSnackBarRef,
  type TextOnlySnackBar,
} from '@angular/material/snack-bar';
import { firstValueFrom, of } from 'rxjs';
import { ApiNotices } from './api-notices';

function snackBarAnswering(dismissal: MatSnackBarDismiss) {
  const ref = { afterDismissed: () => of(dismissal) } as MatSnackBarRef<TextOnlySnackBar>;
  return jest.spyOn(TestBed.inject(MatSnackBar), 'open').mockReturnValue(ref);
}

describe('ApiNotices', () => {
  it('should load the snack bar on the first notice and show the message', async () => {
    const open = snackBarAnswering({ dismissedByAction: false });
    TestBed.inject(ApiNotices).tell("You don't have access to do that.");
    await new Promise((resolve) => setTimeout(resolve));
    expect(open).toHaveBeenCalledWith("You don't have access to do that.", 'Dismiss', { duration: 6_000 });
  });

  it('should emit whether the user asked to retry', async () => {
    const open = snackBarAnswering({ dismissedByAction: true });
    const again = firstValueFrom(TestBed.inject(ApiNotices).offerRetry('The Steward API cannot be reached.'));
    await expect(again).resolves.toBe(true);
    expect(open).toHaveBeenCalledWith('The Steward API cannot be reached.', 'Retry', { duration: 15_000 });
  });
});
