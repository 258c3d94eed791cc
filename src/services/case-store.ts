import { Prisma } from '../generated/prisma/client';
import type { Db } from '../db/client';
import { transition, type CaseAction, type CaseState } from '../domain/case-state';
import type { CaseStatus } from '../domain/case-state';
import { ConcurrentModification, Rejected } from './errors';
import { recordEvent, type Actor, type CaseEventType } from './case-events';
import { notifyCommitted } from '../events/commit-signal';

export type Tx = Prisma.TransactionClient;

/** The columns of a case every state change needs. */
export const CASE_HEAD = {
  id: true,
  creditorId: true,
  status: true,
  statusBeforeDispute: true,
  version: true,
  debtor: { select: { kind: true } },
} as const satisfies Prisma.CaseSelect;
export type CaseHead = Prisma.CaseGetPayload<{ select: typeof CASE_HEAD }>;

export function stateOf(head: CaseHead): CaseState {
  return { status: head.status, statusBeforeDispute: head.statusBeforeDispute ?? undefined, debtorKind: head.debtor.kind };
}

/**
 * Writes a case change only if nobody else changed the case since it was read (optimistic
 * concurrency on `version`); the caller's transaction then retries on fresh data.
 */
export async function updateCase(tx: Tx, head: CaseHead, data: Prisma.CaseUpdateManyMutationInput): Promise<CaseHead> {
  const { count } = await tx.case.updateMany({ where: { id: head.id, version: head.version }, data: { ...data, version: { increment: 1 } } });
  if (count !== 1) throw new ConcurrentModification(`case ${head.id} changed concurrently`);
  return { ...head, ...(data as Partial<CaseHead>), version: head.version + 1 };
}

/**
 * Moves a case through the state machine and records the event in the same transaction. An
 * illegal move rolls the transaction back with ILLEGAL_TRANSITION.
 */
export async function applyTransition(
  tx: Tx,
  head: CaseHead,
  action: CaseAction,
  event: { type: CaseEventType; payload?: Prisma.InputJsonObject; actor: Actor; at: Date },
  extra: Prisma.CaseUpdateManyMutationInput = {},
): Promise<CaseHead> {
  const result = transition(stateOf(head), action);
  if (!result.ok) throw new Rejected([{ code: 'ILLEGAL_TRANSITION', field: null, message: `Not possible now: ${result.reason}.` }]);
  const to: CaseStatus = result.status;
  const updated = await updateCase(tx, head, { ...extra, status: to, statusBeforeDispute: result.statusBeforeDispute ?? null });
  await recordEvent(tx, {
    caseId: head.id,
    creditorId: head.creditorId,
    type: event.type,
    payload: { ...event.payload, fromStatus: head.status, toStatus: to },
    actor: event.actor,
    at: event.at,
  });
  return { ...updated, status: to, statusBeforeDispute: result.statusBeforeDispute ?? null };
}

/**
 * Runs a business action in one transaction, retrying a few times when another writer changed
 * the same case first. Rejections come back as data; anything else propagates.
 */
export async function inTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await db.$transaction(work, { isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted, timeout: 15_000 });
      // Its events are committed now: wake the publisher rather than wait for its next poll.
      notifyCommitted(db);
      return result;
    } catch (err) {
      if ((err instanceof ConcurrentModification || isDeadlock(err)) && attempt < 4) continue;
      throw err;
    }
  }
}

export function isUniqueViolation(err: unknown): boolean {
  return err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002';
}

/** MySQL chose this transaction as a deadlock victim (or it timed out waiting): safe to run again. */
function isDeadlock(err: unknown): boolean {
  return err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2034';
}

/**
 * Takes the case row's write lock before anything else in the transaction. Writers of one case
 * then queue here instead of deadlocking later (inserting a payment or event takes a shared lock
 * on the case through its foreign key, and two such holders cannot both upgrade it).
 */
export async function lockCase(tx: Tx, caseId: string): Promise<CaseHead> {
  await tx.$queryRaw`SELECT id FROM cases WHERE id = ${caseId} FOR UPDATE`;
  return tx.case.findUniqueOrThrow({ where: { id: caseId }, select: CASE_HEAD });
}
