import { BadRequestException, Logger, NotFoundException, type ArgumentsHost } from '@nestjs/common';
import { ProblemDetailsFilter } from './problem-details.filter';
import { ProblemException } from './problem.exception';

/** Records what the filter does to a Fastify reply; every method chains like Fastify's. */
class FakeReply {
  statusCode: number | undefined;
  readonly headerValues: Record<string, string> = {};
  body: unknown;
  sendCount = 0;

  status(code: number) {
    this.statusCode = code;
    return this;
  }

  header(name: string, value: string) {
    this.headerValues[name.toLowerCase()] = value;
    return this;
  }

  headers(values: Record<string, string>) {
    for (const [name, value] of Object.entries(values)) this.header(name, value);
    return this;
  }

  send(body: unknown) {
    this.body = body;
    this.sendCount += 1;
    return this;
  }
}

function respond(exception: unknown): FakeReply {
  const reply = new FakeReply();
  const host = { switchToHttp: () => ({ getResponse: () => reply }) } as unknown as ArgumentsHost;
  new ProblemDetailsFilter().catch(exception, host);
  expect(reply.sendCount).toBe(1);
  return reply;
}

describe('ProblemDetailsFilter', () => {
  let logError: jest.SpyInstance;

  beforeEach(() => {
    logError = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });

  afterEach(() => logError.mockRestore());

  describe('catch', () => {
    it('should answer a ProblemException with its status, detail and headers', () => {
      const reply = respond(
        new ProblemException(401, { detail: 'Token needed.' }, { 'WWW-Authenticate': 'Bearer realm="api"' }),
      );
      expect(reply.statusCode).toBe(401);
      expect(reply.body).toEqual({ type: 'about:blank', title: 'Unauthorized', status: 401, detail: 'Token needed.' });
      expect(reply.headerValues['www-authenticate']).toBe('Bearer realm="api"');
      expect(reply.headerValues['content-type']).toBe('application/problem+json');
    });

    it('should keep the type, title and errors a ProblemException sets', () => {
      const errors = { name: ['must not be empty'] };
      const reply = respond(
        new ProblemException(422, {
          type: 'https://steward.local/problems/validation',
          title: 'Invalid record',
          errors,
        }),
      );
      expect(reply.body).toEqual({
        type: 'https://steward.local/problems/validation',
        title: 'Invalid record',
        status: 422,
        errors,
      });
    });

    it('should answer a Nest HttpException with its status and a generic title only', () => {
      const reply = respond(new NotFoundException('record 42 of tenant acme is gone'));
      expect(reply.statusCode).toBe(404);
      expect(reply.body).toEqual({ type: 'about:blank', title: 'Not Found', status: 404 });
      expect(JSON.stringify(reply.body)).not.toContain('acme');
      expect(reply.headerValues['content-type']).toBe('application/problem+json');
    });

    it('should not leak validation messages of other HttpExceptions', () => {
      const reply = respond(new BadRequestException(['password must be longer than 8 characters']));
      expect(reply.body).toEqual({ type: 'about:blank', title: 'Bad Request', status: 400 });
    });

    it('should answer an unexpected error with a bare 500 and log it', () => {
      const error = new Error('SELECT * FROM secret');
      const reply = respond(error);
      expect(reply.statusCode).toBe(500);
      expect(reply.body).toEqual({ type: 'about:blank', title: 'Internal Server Error', status: 500 });
      expect(JSON.stringify(reply.body)).not.toContain('SELECT');
      expect(reply.headerValues['content-type']).toBe('application/problem+json');
      expect(logError).toHaveBeenCalledWith(error);
    });

    it('should keep the 4xx status of a framework error without its message', () => {
      const tooLarge = Object.assign(new Error('Request body is too large: 1048577 > 1048576'), { statusCode: 413 });
      const reply = respond(tooLarge);
      expect(reply.statusCode).toBe(413);
      expect(reply.body).toEqual({ type: 'about:blank', title: 'Payload Too Large', status: 413 });
      expect(logError).not.toHaveBeenCalled();
    });

    it('should not trust a 5xx or non-numeric statusCode on a plain error', () => {
      expect(respond(Object.assign(new Error('x'), { statusCode: 502 })).statusCode).toBe(500);
      expect(respond({ statusCode: '404' }).statusCode).toBe(500);
      expect(respond(null).statusCode).toBe(500);
    });

    it.each([
      [
        'a refused connection',
        Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:3306'), { code: 'ECONNREFUSED' }),
      ],
      ['a lost connection', Object.assign(new Error('Connection lost'), { code: 'PROTOCOL_CONNECTION_LOST' })],
      [
        'a lock timeout wrapped by the ORM',
        Object.assign(new Error('Lock wait timeout exceeded'), { driverError: { code: 'ER_LOCK_WAIT_TIMEOUT' } }),
      ],
    ])('should answer %s with 503 and Retry-After, saying nothing about the database', (_case, error) => {
      const logWarn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
      const reply = respond(error);
      logWarn.mockRestore();
      expect(reply.statusCode).toBe(503);
      expect(reply.headerValues['retry-after']).toBe('2');
      expect(reply.body).toMatchObject({ status: 503, title: 'Service Unavailable' });
      expect(JSON.stringify(reply.body)).not.toMatch(/3306|ECONN|PROTOCOL|Lock|database/i);
      expect(logError).not.toHaveBeenCalled();
    });

    it('should not take an error of ours for an outage', () => {
      expect(respond(Object.assign(new Error('Duplicate entry'), { code: 'ER_DUP_ENTRY' })).statusCode).toBe(500);
    });
  });
});
