import { ChangeDetectionStrategy, Component } from '@angular/core';
import { Shell } from '@steward/console-shell-feature';

@Component({
  selector: 'st-root',
  imports: [Shell],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '<st-shell />',
})
export class App {}
