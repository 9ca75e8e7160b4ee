import { Component } from '@angular/core';

@Component({
  selector: 'st-console-profile-feature',
  imports: [],
  templateUrl: './console-profile-feature.html',
  styleUrl: './console-profile-feature.css',
})
export class ConsoleProfileFeature {}
