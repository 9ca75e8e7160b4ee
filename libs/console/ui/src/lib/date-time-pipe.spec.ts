import { DatePipe } from '@angular/common';
import { DateTimePipe } from './date-time-pipe';

describe('DateTimePipe', () => {
  const pipe = new DateTimePipe();

  it("should show a moment as DatePipe's medium format does", () => {
    const angular = new DatePipe('en-US');
    // CLDR puts a narrow no-break space before AM/PM; older ICU builds a plain one.
    const spaces = (text: string | null) => text?.replace(/\s/gu, ' ');
    for (const at of ['2026-12-03T16:37:11Z', '2026-01-09T00:05:00.123Z', 1_700_000_000_000]) {
      expect(spaces(pipe.transform(at))).toBe(spaces(angular.transform(at, 'medium')));
    }
  });

  it('should show nothing for a missing or unreadable value', () => {
    expect(pipe.transform(null)).toBe('');
    expect(pipe.transform(undefined)).toBe('');
    expect(pipe.transform('')).toBe('');
    expect(pipe.transform('not a date')).toBe('');
  });
});
