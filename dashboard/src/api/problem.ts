/** An RFC 9457 problem the API answered (application/problem+json), or one made up for a network failure. */
export interface Problem {
  status: number;
  title: string;
  detail?: string;
  /** Every other member of the problem body, e.g. a 429's scope, limit, active and agency. */
  extra: Record<string, unknown>;
}

export class ApiProblem extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  423: 'Locked',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

/** Reads an error answer: a problem body when there is one, else the status line and whatever text came back. */
export function toProblem(status: number, body: unknown, text?: string): Problem {
  if (body && typeof body === 'object') {
    const { status: s, title, detail, ...extra } = body as Record<string, unknown>;
    return {
      status: typeof s === 'number' ? s : status,
      title: typeof title === 'string' && title ? title : REASONS[status] ?? `HTTP ${status}`,
      detail: typeof detail === 'string' ? detail : undefined,
      extra,
    };
  }
  return { status, title: REASONS[status] ?? `HTTP ${status}`, detail: text?.trim() ? text.trim().slice(0, 300) : undefined, extra: {} };
}

/** A failure to reach the server at all, as a problem (status 0) so it is shown like any other. */
export function networkProblem(e: unknown): Problem {
  return { status: 0, title: 'Network error', detail: e instanceof Error ? e.message : String(e), extra: {} };
}

/** The quota numbers of a 429 answer to POST /streams, or null for any other problem. */
export interface QuotaFull {
  scope: string;
  limit: number;
  active: number;
  agency: string;
}

export function quotaFull(p: Problem): QuotaFull | null {
  if (p.status !== 429) return null;
  const { scope, limit, active, agency } = p.extra as Record<string, unknown>;
  if (typeof limit !== 'number' || typeof active !== 'number') return null;
  return { scope: String(scope ?? 'agency'), limit, active, agency: String(agency ?? '') };
}
