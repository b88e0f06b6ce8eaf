/** One problem with one field: `path` is a dotted schema path (`exams.step2ck`) or, for files, `line 12: state`. */
export interface ProblemError {
  path: string;
  message: string;
}

/** An `application/problem+json` body reduced to what the web app shows. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  errors: ProblemError[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function fallbackTitle(status: number): string {
  if (status === 0) return 'Cannot reach the Matchwise server';
  if (status === 404) return 'Not found';
  if (status >= 500) return 'The server ran into a problem';
  return `Request failed (${status})`;
}

/**
 * Turns whatever an error response carried into a Problem, never throwing: a well-formed problem+json keeps
 * its title and field errors; anything else (HTML from a proxy, an empty body) gets a title from the status.
 *
 * @example parseProblem(400, { title: 'Request body is invalid', errors: [{ path: 'name', message: 'Too long' }] })
 */
export function parseProblem(status: number, body: unknown): Problem {
  if (!isRecord(body)) {
    return { type: 'about:blank', title: fallbackTitle(status), status, errors: [] };
  }
  const errors: ProblemError[] = Array.isArray(body.errors)
    ? body.errors.filter(isRecord).map((error) => ({
        path: typeof error.path === 'string' ? error.path : '',
        message: typeof error.message === 'string' ? error.message : String(error.message ?? 'Invalid value'),
      }))
    : [];
  return {
    type: typeof body.type === 'string' ? body.type : 'about:blank',
    title: typeof body.title === 'string' && body.title.length > 0 ? body.title : fallbackTitle(status),
    status: typeof body.status === 'number' ? body.status : status,
    errors,
  };
}

/** Thrown by the API client for every non-2xx response and for network failures (status 0). */
export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.title);
    this.name = 'ApiError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }
}

/** The Problem behind any thrown value, so components can show one shape of error. */
export function toProblem(error: unknown): Problem {
  if (error instanceof ApiError) return error.problem;
  const message = error instanceof Error ? error.message : 'Something went wrong';
  return { type: 'about:blank', title: message, status: 0, errors: [] };
}
