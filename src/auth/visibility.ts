import type { Prisma } from '../generated/prisma/client';
import type { Viewer } from './viewer';

/**
 * The tenant walls, as Prisma filters. Every read of a tenant's rows goes through one of these,
 * so a row another tenant owns is filtered out in SQL and answers exactly like a missing row.
 */
const NOTHING = { id: { in: [] as string[] } };

export function visibleCases(viewer: Viewer): Prisma.CaseWhereInput {
  switch (viewer.kind) {
    case 'STAFF':
      return {};
    case 'CREDITOR':
      return { creditorId: viewer.creditorId };
    case 'PARTNER':
      return { assignments: { some: { partnerId: viewer.partnerId, endedAt: null } } };
    default:
      return NOTHING;
  }
}

export function visibleCreditors(viewer: Viewer): Prisma.CreditorWhereInput {
  switch (viewer.kind) {
    case 'STAFF':
      return {};
    case 'CREDITOR':
      return { id: viewer.creditorId };
    default:
      return NOTHING;
  }
}

/** Keys: staff see all; a creditor sees its own creditor's keys (for the audit trail and key management). */
export function visibleApiKeys(viewer: Viewer): Prisma.ApiKeyWhereInput {
  switch (viewer.kind) {
    case 'STAFF':
      return {};
    case 'CREDITOR':
      return { creditorId: viewer.creditorId };
    default:
      return NOTHING;
  }
}

/** Partners: staff see all; a partner sees itself. */
export function visiblePartners(viewer: Viewer): Prisma.PartnerWhereInput {
  switch (viewer.kind) {
    case 'STAFF':
      return {};
    case 'PARTNER':
      return { id: viewer.partnerId };
    default:
      return NOTHING;
  }
}

/**
 * A case's internals (timeline, letters, arrangements): its creditor and staff only. Partners work
 * an assigned case from its claims, debtor and balance, not from the creditor's correspondence.
 */
export function visibleCaseInternals(viewer: Viewer): Prisma.CaseWhereInput {
  return viewer.kind === 'PARTNER' ? NOTHING : visibleCases(viewer);
}

/** Webhook endpoints (and through them, deliveries): the owning creditor and staff. */
export function visibleWebhookEndpoints(viewer: Viewer): Prisma.WebhookEndpointWhereInput {
  switch (viewer.kind) {
    case 'STAFF':
      return {};
    case 'CREDITOR':
      return { creditorId: viewer.creditorId };
    default:
      return NOTHING;
  }
}
