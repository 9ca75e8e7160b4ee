import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { Session } from '@steward/console-auth-data-access';
import { UserMenu } from './user-menu';

async function setup() {
  const session = { signOut: jest.fn() };
  TestBed.configureTestingModule({
    providers: [provideRouter([{ path: 'profile', children: [] }]), { provide: Session, useValue: session }],
  });
  const fixture = TestBed.createComponent(UserMenu);
  fixture.componentRef.setInput('label', 'Ada');
  document.body.appendChild(fixture.nativeElement);
  await fixture.whenStable();
  const root = fixture.nativeElement as HTMLElement;
  const trigger = root.querySelector('button') as HTMLButtonElement;
  const items = () => [...root.querySelectorAll<HTMLElement>('[role="menuitem"]')];
  const key = async (target: HTMLElement, name: string) => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true }));
    await fixture.whenStable();
  };
  const click = async (target: HTMLElement) => {
    target.click();
    await fixture.whenStable();
  };
  return { fixture, session, trigger, items, key, click };
}

describe('UserMenu', () => {
  afterEach(() => (document.body.innerHTML = ''));

  it('should open on click with the first item focused, and close on a second click', async () => {
    const { trigger, items, click } = await setup();
    expect(trigger.getAttribute('aria-expanded')).toBe('false');
    expect(items()).toEqual([]);

    await click(trigger);
    expect(trigger.getAttribute('aria-expanded')).toBe('true');
    expect(items().map((item) => item.textContent?.trim())).toEqual(['Profile', 'Sign out']);
    expect(document.activeElement).toBe(items()[0]);

    await click(trigger);
    expect(items()).toEqual([]);
  });

  it('should move through the items with the arrow keys, Home and End, wrapping around', async () => {
    const { trigger, items, key } = await setup();
    await key(trigger, 'ArrowUp');
    expect(document.activeElement).toBe(items()[1]);
    await key(items()[1], 'ArrowDown');
    expect(document.activeElement).toBe(items()[0]);
    await key(items()[0], 'ArrowUp');
    expect(document.activeElement).toBe(items()[1]);
    await key(items()[1], 'Home');
    expect(document.activeElement).toBe(items()[0]);
    await key(items()[0], 'End');
    expect(document.activeElement).toBe(items()[1]);
  });

  it('should close on Escape and give focus back to its button', async () => {
    const { trigger, items, key } = await setup();
    await key(trigger, 'ArrowDown');
    await key(items()[0], 'Escape');
    expect(items()).toEqual([]);
    expect(document.activeElement).toBe(trigger);
  });

  it('should close on a click elsewhere on the page', async () => {
    const { trigger, items, click } = await setup();
    await click(trigger);
    await click(document.body);
    expect(items()).toEqual([]);
  });

  it('should open the profile page', async () => {
    const { trigger, items, click } = await setup();
    await click(trigger);
    await click(items()[0]);
    expect(TestBed.inject(Router).url).toBe('/profile');
    expect(items()).toEqual([]);
  });

  it('should sign out', async () => {
    const { trigger, items, click, session } = await setup();
    await click(trigger);
    await click(items()[1]);
    expect(session.signOut).toHaveBeenCalled();
    expect(items()).toEqual([]);
  });
});
