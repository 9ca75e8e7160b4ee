import { HttpErrorResponse } from '@angular/common/http';
import { fieldErrors, readProblem } from './problem';

describe('readProblem', () => {
  it("should return the API's problem document", () => {
    const body = { type: 'about:blank', title: 'Bad Request', status: 400, errors: { title: ['too long'] } };
    const problem = readProblem(new HttpErrorResponse({ status: 400, error: body }));
    expect(problem).toEqual(body);
    expect(fieldErrors(problem, 'title')).toEqual(['too long']);
    expect(fieldErrors(problem, 'status')).toEqual([]);
  });

  it('should describe a failure without a problem body', () => {
    expect(readProblem(new HttpErrorResponse({ status: 0 }))).toMatchObject({
      status: 0,
      title: 'The Steward API cannot be reached',
    });
    expect(
      readProblem(new HttpErrorResponse({ status: 502, statusText: 'Bad Gateway', error: '<html>' })),
    ).toMatchObject({ status: 502, title: 'Bad Gateway' });
    expect(readProblem(new Error('boom'))).toMatchObject({ title: 'Something went wrong' });
  });
});
