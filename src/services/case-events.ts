import type { Prisma } from '../generated/prisma/client';
import type { ActorKind } from '../generated/prisma/enums';

/** Every kind of thing that can happen to a case; the timeline and subscriptions speak these. */
export const CASE_EVENT_TYPES = [
  'CASE_SUBMITTED',
  'WIK_NOTICE_SENT',
  'WIK_TERM_EXPIRED',
  'COSTS_ADJUSTED',
  'REMINDER_SENT',
  'PAYMENT_RECORDED',
  'CASE_PAID',
  'ARRANGEMENT_PROPOSED',
  'ARRANGEMENT_ACCEPTED',
  'ARRANGEMENT_BREACHED',
  'ARRANGEMENT_COMPLETED',
  'CASE_DISPUTED',
  'DISPUTE_RESOLVED',
  'CASE_WITHDRAWN',
  'PARTNER_ASSIGNED',
] as const;
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];

export type Actor = { actorKind: ActorKind; actorKeyId: string | null };

/**
 * Appends to the case timeline inside the caller's transaction, so a change and its event commit
 * together or not at all. The autoincrement id is the global order subscribers resume from.
 */
export async function recordEvent(
  tx: Prisma.TransactionClient,
  event: { caseId: string; creditorId: string; type: CaseEventType; payload: Prisma.InputJsonObject; actor: Actor; at: Date },
): Promise<void> {
  const created = await tx.caseEvent.create({
    select: { id: true },
    data: {
      caseId: event.caseId,
      creditorId: event.creditorId,
      type: event.type,
      payload: event.payload,
      actorKind: event.actor.actorKind,
      actorKeyId: event.actor.actorKeyId,
      occurredAt: event.at,
    },
  });
  // Webhook deliveries commit with their event: a crash or restart cannot lose one.
  await tx.$executeRaw`
    INSERT INTO webhook_deliveries (id, endpointId, eventId, status, attempts, nextAttemptAt, createdAt)
    SELECT UUID(), id, ${created.id}, 'PENDING', 0, ${event.at}, ${event.at}
    FROM webhook_endpoints WHERE creditorId = ${event.creditorId} AND active = 1`;
}
