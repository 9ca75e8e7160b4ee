import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { firstValueFrom } from 'rxjs';
import { confirmAction } from './confirm-dialog';

function openDialog(typeToConfirm?: string) {
  const dialog = TestBed.inject(MatDialog);
  const result = firstValueFrom(
    confirmAction(dialog, {
      title: 'Delete user',
      message: 'This cannot be undone.',
      confirm: 'Delete',
      typeToConfirm,
    }),
  );
  TestBed.tick();
  const pane = document.querySelector('mat-dialog-container') as HTMLElement;
  const button = (label: string) =>
    [...pane.querySelectorAll('button')].find((b) => b.textContent?.trim() === label) as HTMLButtonElement;
  return { result, pane, button };
}

describe('confirmAction', () => {
  afterEach(() => TestBed.inject(MatDialog).closeAll());

  it('should resolve true when the user confirms', async () => {
    const { result, pane, button } = openDialog();
    expect(pane.querySelector('h2')?.textContent).toBe('Delete user');
    button('Delete').click();
    await expect(result).resolves.toBe(true);
  });

  it('should resolve false when the user cancels', async () => {
    const { result, button } = openDialog();
    button('Cancel').click();
    await expect(result).resolves.toBe(false);
  });

  it('should keep the confirm button disabled until the exact text is typed', async () => {
    const { result, pane, button } = openDialog('ada@example.com');
    const input = pane.querySelector('input') as HTMLInputElement;
    expect(pane.querySelector('mat-label')?.textContent).toContain('Type ada@example.com to confirm');
    expect(button('Delete').disabled).toBe(true);
    input.value = 'ada@example';
    input.dispatchEvent(new Event('input'));
    TestBed.tick();
    expect(button('Delete').disabled).toBe(true);
    input.value = 'ada@example.com';
    input.dispatchEvent(new Event('input'));
    TestBed.tick();
    expect(button('Delete').disabled).toBe(false);
    button('Delete').click();
    await expect(result).resolves.toBe(true);
  });
});
