/** An RFC 9457 problem document, the body of every error the API returns. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  /** Per-field messages for validation errors, keyed by the field's path. */
  errors?: Record<string, string[]>;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
