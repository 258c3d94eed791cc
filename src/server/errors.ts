import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { requestContext } from '../logger';

/** Error codes clients may see in `extensions.code`; anything else is masked as INTERNAL_SERVER_ERROR. */
const PUBLIC_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'RATE_LIMITED',
  'QUERY_TOO_COMPLEX',
  'OPERATION_NOT_REGISTERED',
]);

export function unauthenticated(): GraphQLError {
  return new GraphQLError('The API key is missing, malformed, unknown or revoked.', {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
  });
}

/**
 * What leaves the server: known client errors as they are, internal faults as a request id only
 * (no message, no stack), so nothing about our internals or another tenant's data leaks.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  const original = unwrapResolverError(error);
  const isForbidden = original instanceof Error && original.name === 'ForbiddenError';
  // Pothos' own argument checks (a negative page size, a cursor that is not ours) are the
  // caller's mistake, and their messages name the argument: pass them on as BAD_USER_INPUT.
  if (original instanceof Error && original.name === 'PothosValidationError') {
    return { message: original.message, path: formatted.path, locations: formatted.locations, extensions: { code: 'BAD_USER_INPUT' } };
  }
  if (isForbidden) {
    return { message: 'Not authorized for this field.', path: formatted.path, locations: formatted.locations, extensions: { code: 'FORBIDDEN' } };
  }
  if (typeof code === 'string' && PUBLIC_CODES.has(code)) {
    const { stacktrace: _omit, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  if (original instanceof GraphQLError && !original.originalError && code === undefined) {
    return { message: formatted.message, path: formatted.path, locations: formatted.locations };
  }
  return {
    message: 'Internal server error. Quote the requestId when you contact us.',
    path: formatted.path,
    locations: formatted.locations,
    extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: requestContext.getStore()?.requestId },
  };
}
