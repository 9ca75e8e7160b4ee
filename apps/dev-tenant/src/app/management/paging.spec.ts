import { ManagementApiError } from './management-errors';
import { pageOf, readPaging, USERS_WINDOW_MESSAGE } from './paging';

function refusal(query: Record<string, unknown>, windowMessage = USERS_WINDOW_MESSAGE): ManagementApiError {
  try {
    readPaging(query, windowMessage);
  } catch (error) {
    if (error instanceof ManagementApiError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('readPaging', () => {
  it('should default to the first page of 50, without totals', () => {
    expect(readPaging({})).toEqual({ page: 0, perPage: 50, includeTotals: false });
  });

  it('should read page, per_page and include_totals', () => {
    expect(readPaging({ page: '3', per_page: '25', include_totals: 'true' })).toEqual({
      page: 3,
      perPage: 25,
      includeTotals: true,
    });
    expect(readPaging({ include_totals: 'false' }).includeTotals).toBe(false);
  });

  it('should refuse per_page above 100 the way Auth0 words it', () => {
    expect(refusal({ per_page: '101' }).body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: "Query validation error: 'Value 101 is greater than maximum 100' on property per_page.",
      errorCode: 'invalid_query_string',
    });
  });

  it.each([
    [{ page: '-1' }],
    [{ page: 'two' }],
    [{ per_page: '1.5' }],
    [{ per_page: ['10', '20'] }],
    [{ include_totals: 'yes' }],
  ])('should refuse %p', (query) => {
    expect(refusal(query)).toMatchObject({ statusCode: 400, errorCode: 'invalid_query_string' });
  });

  it('should allow pages up to the 1 000-record window', () => {
    expect(readPaging({ page: '9', per_page: '100' }).page).toBe(9);
    expect(readPaging({ page: '19', per_page: '50' }).page).toBe(19);
    expect(readPaging({ page: '999', per_page: '1' }).page).toBe(999);
  });

  it('should refuse a page beyond the window (page·per_page + per_page > 1000)', () => {
    expect(refusal({ page: '10', per_page: '100' }).body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: expect.stringMatching(/^You can only page through the first 1000 records/),
      errorCode: 'invalid_paging',
    });
    expect(refusal({ page: '20' }).statusCode).toBe(400);
    expect(refusal({ page: '10', per_page: '100' }, (page) => `page ${page} is too far`).message).toBe(
      'page 10 is too far',
    );
  });
});

describe('pageOf', () => {
  const items = Array.from({ length: 7 }, (_, i) => i);

  it('should slice the requested page, the last one short, past the end empty', () => {
    expect(pageOf(items, { page: 0, perPage: 3, includeTotals: false })).toEqual([0, 1, 2]);
    expect(pageOf(items, { page: 2, perPage: 3, includeTotals: false })).toEqual([6]);
    expect(pageOf(items, { page: 3, perPage: 3, includeTotals: false })).toEqual([]);
    expect(pageOf(items, { page: 0, perPage: 0, includeTotals: true })).toEqual([]);
  });
});
