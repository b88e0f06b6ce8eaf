import { describe, expect, it } from 'vitest';
import { ApiError, parseProblem, toProblem } from './problem.js';

describe('parseProblem', () => {
  it('keeps the title, status and field errors of a validation problem', () => {
    const problem = parseProblem(400, {
      type: '/problems/validation',
      title: 'Request body is invalid',
      status: 400,
      errors: [{ path: 'exams.step2ck', message: 'USMLE scores run from 1 to 300' }],
    });
    expect(problem).toEqual({
      type: '/problems/validation',
      title: 'Request body is invalid',
      status: 400,
      errors: [{ path: 'exams.step2ck', message: 'USMLE scores run from 1 to 300' }],
    });
  });

  it('gives a file problem its line paths unchanged', () => {
    const problem = parseProblem(422, {
      type: '/problems/unprocessable',
      title: 'File cannot be read',
      status: 422,
      errors: [{ path: 'line 3', message: 'Not valid UTF-8' }],
    });
    expect(problem.errors).toEqual([{ path: 'line 3', message: 'Not valid UTF-8' }]);
  });

  it('titles a body that is not a problem (an HTML error page) from the status', () => {
    expect(parseProblem(502, '<html>Bad gateway</html>')).toEqual({
      type: 'about:blank',
      title: 'The server ran into a problem',
      status: 502,
      errors: [],
    });
  });

  it('says the server is unreachable for status 0', () => {
    expect(parseProblem(0, undefined).title).toBe('Cannot reach the Matchwise server');
  });

  it('skips malformed error entries and fills missing parts', () => {
    const problem = parseProblem(400, { errors: ['oops', { message: 'Required' }] });
    expect(problem.title).toBe('Request failed (400)');
    expect(problem.errors).toEqual([{ path: '', message: 'Required' }]);
  });
});

describe('toProblem', () => {
  it('unwraps an ApiError and wraps anything else', () => {
    const apiError = new ApiError(parseProblem(404, { title: 'Not found', status: 404 }));
    expect(toProblem(apiError).status).toBe(404);
    expect(toProblem(new Error('boom'))).toMatchObject({ title: 'boom', status: 0 });
  });
});
