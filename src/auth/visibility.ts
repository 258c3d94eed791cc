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
