import { Component } from '@angular/core';

@Component({
  selector: 'st-console-shell-feature',
  imports: [],
  templateUrl: './console-shell-feature.html',
  styleUrl: './console-shell-feature.css',
})
export class ConsoleShellFeature {}
