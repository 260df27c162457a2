import { ERROR_CODES, type ErrorCode } from '../shared/errors';

/** The only error a route throws on purpose; the error handler turns it into the one error shape. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly statusCode: number,
    message: string = ERROR_CODES[code],
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
