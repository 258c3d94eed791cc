import { AsyncLocalStorage } from 'node:async_hooks';
import pino, { type Logger } from 'pino';

/** The request id of the request being served, carried through async calls. */
export const requestContext = new AsyncLocalStorage<{ requestId: string }>();

/**
 * Structured JSON logs. Every line written while a request is served carries its request id.
 * Secrets and personal data are redacted by path wherever they could appear in a log object.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({
    level,
    base: { service: 'incasso-hub' },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin: () => {
      const store = requestContext.getStore();
      return store ? { requestId: store.requestId } : {};
    },
    redact: {
      paths: [
        'req.headers.authorization',
        'headers.authorization',
        'authorization',
        'apiKey',
        'secret',
        '*.email',
        '*.phone',
        '*.iban',
        '*.addressLine',
        '*.dateOfBirth',
      ],
      censor: '[redacted]',
    },
  }, destination);
}

/**
 * Enough to find a fault, nothing a message could carry: the error's name, code, the first line
 * of its message (Prisma puts query arguments, i.e. personal data, on later lines) and stack frames.
 */
export function describeFault(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { name: typeof err };
  return {
    name: err.name,
    code: (err as { code?: unknown }).code,
    message: err.message.split('\n')[0].slice(0, 200),
    frames: err.stack?.split('\n').filter((l) => l.trimStart().startsWith('at ')).slice(0, 8),
  };
}
