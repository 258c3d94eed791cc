import { AsyncLocalStorage } from 'node:async_hooks';
import pino, { type Logger } from 'pino';

/** The request id of the request being served, carried through async calls. */
export const requestContext = new AsyncLocalStorage<{ requestId: string }>();

/**
 * Structured JSON logs. Every line written while a request is served carries its request id.
 * Secrets and personal data are redacted by path wherever they could appear in a log object.
 */
export function createLogger(level: string): Logger {
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
  });
}
