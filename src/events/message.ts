import type { ActorKind } from '../generated/prisma/enums';
import type { CaseEvent } from '../generated/prisma/client';

/**
 * A committed case event as live subscribers get it: the timeline row (the shape the CaseEvent
 * GraphQL type resolves from) plus the partners assigned to the case when it was published, so
 * each instance can decide who may see it without asking the database per subscriber.
 */
export type LiveEvent = { event: CaseEvent; partnerIds: readonly string[] };

/**
 * On the wire. `prev` is the publisher's cursor before this event: every event up to it was
 * already published. A receiver whose last event is older than `prev` missed something (Redis
 * drops messages while a connection is down) and reads the difference from the database.
 */
type Wire = {
  prev: string;
  id: string;
  caseId: string;
  creditorId: string;
  partnerIds: string[];
  type: string;
  payload: CaseEvent['payload'];
  actorKind: ActorKind;
  actorKeyId: string | null;
  occurredAt: string;
};

export function encodeEvent(live: LiveEvent, prev: bigint): string {
  const e = live.event;
  const wire: Wire = {
    prev: prev.toString(),
    id: e.id.toString(),
    caseId: e.caseId,
    creditorId: e.creditorId,
    partnerIds: [...live.partnerIds],
    type: e.type,
    payload: e.payload,
    actorKind: e.actorKind,
    actorKeyId: e.actorKeyId,
    occurredAt: e.occurredAt.toISOString(),
  };
  return JSON.stringify(wire);
}

export function decodeEvent(message: string): LiveEvent & { prev: bigint } {
  const w = JSON.parse(message) as Wire;
  if (!/^\d{1,19}$/.test(w.id) || !/^\d{1,19}$/.test(w.prev) || typeof w.caseId !== 'string' || typeof w.creditorId !== 'string') {
    throw new Error('malformed case event message');
  }
  return {
    prev: BigInt(w.prev),
    partnerIds: Array.isArray(w.partnerIds) ? w.partnerIds.filter((p) => typeof p === 'string') : [],
    event: {
      id: BigInt(w.id),
      caseId: w.caseId,
      creditorId: w.creditorId,
      type: String(w.type),
      payload: w.payload,
      actorKind: w.actorKind,
      actorKeyId: w.actorKeyId ?? null,
      occurredAt: new Date(w.occurredAt),
    },
  };
}
