import { TestBed, type ComponentFixture } from '@angular/core/testing';
import type { Problem, RecordInput } from '@steward/shared-domain';
import { RecordForm } from './record-form';

describe('RecordForm', () => {
  let fixture: ComponentFixture<RecordForm>;
  let submitted: RecordInput[];

  beforeEach(async () => {
    fixture = TestBed.createComponent(RecordForm);
    fixture.componentRef.setInput('value', { title: 'Boiler', description: '', status: 'draft', tags: ['plant'] });
    submitted = [];
    fixture.componentInstance.submitted.subscribe((value) => submitted.push(value));
    await fixture.whenStable();
  });

  const root = () => fixture.nativeElement as HTMLElement;
  const tagInput = () => root().querySelector<HTMLInputElement>('input[placeholder="Add a tag…"]');
  const submit = async () => {
    root().querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await fixture.whenStable();
  };

  it('should label the tag input with its field label', () => {
    const input = tagInput();
    const label = [...root().querySelectorAll('label')].find((l) => l.textContent?.trim().startsWith('Tags'));
    expect(input?.id).toBeTruthy();
    expect(label?.getAttribute('for')).toBe(input?.id);
  });

  it('should add tags as chips on Enter, trimmed and without duplicates, and remove them', async () => {
    for (const text of [' pump ', 'plant', 'pump']) {
      const input = tagInput();
      if (!input) throw new Error('no tag input');
      input.value = text;
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', keyCode: 13 }));
      await fixture.whenStable();
    }
    expect(
      [...root().querySelectorAll('mat-chip-row')].map((chip) => chip.textContent?.replace('×', '').trim()),
    ).toEqual(['plant', 'pump']);
    root().querySelector<HTMLButtonElement>('[aria-label="Remove tag plant"]')?.click();
    await submit();
    expect(submitted).toEqual([{ title: 'Boiler', description: '', status: 'draft', tags: ['pump'] }]);
  });

  it('should show the API’s message under its field until that field changes', async () => {
    const problem: Problem = {
      type: 'about:blank',
      title: 'Invalid request',
      status: 400,
      errors: { 'tags.0': ['each value in tags must be shorter'], description: ['description is too long'] },
    };
    fixture.componentRef.setInput('problem', problem);
    await fixture.whenStable();
    expect(root().querySelector('[data-testid="tags-error"]')?.textContent).toContain('each value in tags');
    expect(root().querySelector('[data-testid="description-error"]')?.textContent).toContain('too long');
    expect(root().querySelector('[data-testid="form-problem"]')).toBeNull();

    const description = root().querySelector<HTMLTextAreaElement>('textarea');
    if (!description) throw new Error('no description');
    description.value = 'shorter';
    description.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    expect(root().querySelector('[data-testid="description-error"]')).toBeNull();
    expect(root().querySelector('[data-testid="tags-error"]')).not.toBeNull();
  });
});
