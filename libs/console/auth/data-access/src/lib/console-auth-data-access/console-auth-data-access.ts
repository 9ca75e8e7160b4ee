import { Component } from '@angular/core';

@Component({
  selector: 'st-console-auth-data-access',
  imports: [],
  templateUrl: './console-auth-data-access.html',
  styleUrl: './console-auth-data-access.css',
})
export class ConsoleAuthDataAccess {}
