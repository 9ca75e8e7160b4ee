import { Pipe, type PipeTransform } from '@angular/core';

const FORMAT = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'medium' });

/**
 * A moment as "Dec 3, 2026, 4:37:11 PM" (DatePipe's `medium`), by the browser's own formatter:
 * DatePipe's formatter and locale tables would sit in the chunk the start page loads (esbuild puts
 * the parts of `@angular/common` that any screen uses into the one chunk every screen shares).
 */
@Pipe({ name: 'dateTime' })
export class DateTimePipe implements PipeTransform {
  transform(value: string | number | Date | null | undefined): string {
    if (value === null || value === undefined || value === '') return '';
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? '' : FORMAT.format(date);
  }
}
