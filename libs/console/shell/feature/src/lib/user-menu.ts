import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  afterRenderEffect,
  inject,
  input,
  signal,
  viewChild,
  viewChildren,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { Session } from '@steward/console-auth-data-access';

/**
 * The account menu of the top bar: a WAI-ARIA menu button in plain HTML (arrow keys, Home/End,
 * Escape and Tab; a click outside closes it), so the shell needs no CDK overlay.
 */
@Component({
  selector: 'st-user-menu',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(document:click)': 'closeOutside($event)', '(keydown)': 'onKeydown($event)' },
  template: `
    <button
      #trigger
      type="button"
      class="st-button plain"
      data-testid="user-menu"
      aria-haspopup="menu"
      aria-controls="user-menu-items"
      [attr.aria-expanded]="open()"
      (click)="toggle()"
    >
      {{ label() }}
    </button>
    @if (open()) {
      <div id="user-menu-items" role="menu" [attr.aria-label]="label()">
        <a #item role="menuitem" routerLink="/profile" (click)="close()">Profile</a>
        <button #item role="menuitem" type="button" (click)="signOut()">Sign out</button>
      </div>
    }
  `,
  styles: `
    :host {
      position: relative;
    }
    [role='menu'] {
      position: absolute;
      right: 0;
      top: calc(100% + 4px);
      z-index: 10;
      min-width: 160px;
      padding: 8px 0;
      border-radius: var(--mat-sys-corner-extra-small);
      background: var(--mat-sys-surface-container);
      box-shadow: var(--mat-sys-level2);
    }
    [role='menuitem'] {
      display: block;
      box-sizing: border-box;
      width: 100%;
      height: 48px;
      padding: 0 16px;
      border: 0;
      background: none;
      color: var(--mat-sys-on-surface);
      font: var(--mat-sys-body-large);
      line-height: 48px;
      text-align: left;
      text-decoration: none;
      cursor: pointer;
    }
    [role='menuitem']:hover,
    [role='menuitem']:focus {
      outline: none;
      background: color-mix(in srgb, var(--mat-sys-on-surface) 8%, transparent);
    }
  `,
})
export class UserMenu {
  protected readonly session = inject(Session);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  /** The signed-in user's name (or email), shown on the button. */
  readonly label = input.required<string>();
  protected readonly open = signal(false);
  private readonly trigger = viewChild.required<ElementRef<HTMLElement>>('trigger');
  private readonly items = viewChildren<ElementRef<HTMLElement>>('item');
  /** Which item has focus while the menu is open (-1: the last one). */
  private readonly active = signal(0);

  constructor() {
    afterRenderEffect(() => {
      const items = this.items();
      if (this.open()) items.at(this.active())?.nativeElement.focus();
    });
  }

  protected toggle(): void {
    if (this.open()) this.close();
    else this.show(0);
  }

  protected close(returnFocus = false): void {
    this.open.set(false);
    if (returnFocus) this.trigger().nativeElement.focus();
  }

  protected signOut(): void {
    this.close();
    this.session.signOut();
  }

  protected closeOutside(event: MouseEvent): void {
    if (this.open() && !this.host.nativeElement.contains(event.target as Node)) this.close();
  }

  protected onKeydown(event: KeyboardEvent): void {
    // Tab leaves the menu from its button, so focus moves on to what follows it.
    if (event.key === 'Tab') return this.open() ? this.close(true) : undefined;
    const action = this.open() ? this.menuKeys(event.key) : this.triggerKeys(event.key);
    if (!action) return;
    event.preventDefault();
    action();
  }

  private menuKeys(key: string): (() => void) | undefined {
    const count = this.items().length;
    const current = (this.active() + count) % count;
    return {
      ArrowDown: () => this.show((current + 1) % count),
      ArrowUp: () => this.show((current - 1 + count) % count),
      Home: () => this.show(0),
      End: () => this.show(-1),
      Escape: () => this.close(true),
    }[key];
  }

  private triggerKeys(key: string): (() => void) | undefined {
    return { ArrowDown: () => this.show(0), ArrowUp: () => this.show(-1) }[key];
  }

  private show(index: number): void {
    this.open.set(true);
    this.active.set(index);
  }
}
