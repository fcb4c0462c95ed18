import { describe, expect, it } from 'vitest';
import { ApiError, queryString, toApiError } from './api';

describe('staff API client', () => {
  it('builds a query string of the non-empty filters only', () => {
    expect(queryString({ status: 'REVIEW', merchant: '', phone: undefined, limit: 50 })).toBe('?status=REVIEW&limit=50');
    expect(queryString({})).toBe('');
  });

  it('turns a contract error body into an ApiError with its message', async () => {
    const response = new Response(JSON.stringify({ code: 'SELF_APPROVAL', message: 'An author cannot approve', details: { version: 3 } }), {
      status: 409,
    });
    const error = await toApiError(response);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('SELF_APPROVAL');
    expect(error.message).toBe('An author cannot approve');
    expect(error.details).toEqual({ version: 3 });
  });

  it('keeps the HTTP status when the body is not the contract shape', async () => {
    const error = await toApiError(new Response('<html>bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    expect(error.code).toBe('HTTP_502');
    expect(error.message).toBe('Bad Gateway');
  });
});
