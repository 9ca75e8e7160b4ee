import type { ErrorRequestHandler, Response } from 'express';

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Request Entity Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Auth0's Management API error body. */
export interface ManagementErrorBody {
  statusCode: number;
  error: string;
  message: string;
  errorCode?: string;
}

/** A Management API refusal, answered with Auth0's `{statusCode, error, message, errorCode}` body. */
export class ManagementApiError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly errorCode?: string,
  ) {
    super(message);
  }

  get body(): ManagementErrorBody {
    return {
      statusCode: this.statusCode,
      error: REASONS[this.statusCode] ?? 'Error',
      message: this.message,
      ...(this.errorCode ? { errorCode: this.errorCode } : {}),
    };
  }
}

/** 400 for a request body Auth0's schema would refuse. */
export function invalidBody(message: string): ManagementApiError {
  return new ManagementApiError(400, message, 'invalid_body');
}

/** 400 for query parameters Auth0's schema would refuse. */
export function invalidQuery(message: string): ManagementApiError {
  return new ManagementApiError(400, message, 'invalid_query_string');
}

/** Auth0's 404 for an unknown user id. */
export function userNotFound(): ManagementApiError {
  return new ManagementApiError(404, 'The user does not exist.', 'inexistent_user');
}

/** Sends an Auth0 error body. */
export function sendManagementError(res: Response, error: ManagementApiError): void {
  res.status(error.statusCode).json(error.body);
}

/**
 * The last handler of the /api/v2 router: Auth0 bodies for our own refusals and for what
 * express.json rejects (malformed or oversized JSON); anything else is a 500 without details.
 */
export const managementErrorHandler: ErrorRequestHandler = (error: unknown, _req, res, _next) => {
  if (error instanceof ManagementApiError) return sendManagementError(res, error);
  const type = (error as { type?: unknown } | null)?.type;
  if (type === 'entity.parse.failed')
    return sendManagementError(res, invalidBody('Invalid request payload JSON format'));
  if (type === 'entity.too.large') {
    return sendManagementError(
      res,
      new ManagementApiError(413, 'Payload content length greater than maximum allowed: 65536'),
    );
  }
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return sendManagementError(res, invalidBody('Unsupported request payload encoding'));
  }
  console.error('dev tenant: Management API request failed', error);
  sendManagementError(res, new ManagementApiError(500, 'An internal server error occurred'));
};
