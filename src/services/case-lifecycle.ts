import type { AppDeps } from '../context';
import { actorOf, type Viewer } from '../auth/viewer';
import { visibleCases } from '../auth/visibility';
import { dutchDate } from '../domain/dates';
import { applyTransition, inTransaction, lockCase, type CaseHead, type Tx } from './case-store';
import { loadInterestRates } from './case-ledger';
import { Rejected, type CaseErrorCode, type Result } from './errors';
import { refreshFigures } from './workflow';
import type { CaseEventType } from './case-events';
import type { CaseAction } from '../domain/case-state';

/** A case the viewer may change; one it may not see answers exactly like one that does not exist. */
export async function visibleCaseForChange(tx: Tx, viewer: Viewer, caseId: string): Promise<CaseHead> {
  const visible = viewer.kind === 'PARTNER' ? null : await tx.case.findFirst({ where: { id: caseId, AND: [visibleCases(viewer)] }, select: { id: true } });
  if (!visible) {
    throw new Rejected<CaseErrorCode>([{ code: 'CASE_NOT_FOUND', field: ['input', 'caseId'], message: 'No case with this id.' }]);
  }
  return lockCase(tx, visible.id);
}


/** Runs a case action; business rejections come back as typed errors, the transaction rolled back. */
export async function runCaseAction<T>(deps: AppDeps, work: (tx: Tx) => Promise<T>): Promise<Result<T, CaseErrorCode>> {
  try {
    return { ok: true, value: await inTransaction(deps.db, work) };
  } catch (err) {
    if (err instanceof Rejected) return { ok: false, errors: err.errors };
    throw err;
  }
}

const SIMPLE_ACTIONS = {
  withdraw: { action: 'WITHDRAW', event: 'CASE_WITHDRAWN' },
  dispute: { action: 'DISPUTE', event: 'CASE_DISPUTED' },
  resolveDispute: { action: 'RESOLVE_DISPUTE', event: 'DISPUTE_RESOLVED' },
} as const satisfies Record<string, { action: CaseAction; event: CaseEventType }>;

export type SimpleCaseAction = keyof typeof SIMPLE_ACTIONS;

/**
 * Withdraw (the creditor takes the case back), dispute (the debtor contests the claim: every
 * collection action pauses) and resolve a dispute (collection resumes where it was). A reason is
 * kept on the timeline.
 */
export async function changeCaseStatus(
  deps: AppDeps,
  viewer: Viewer,
  kind: SimpleCaseAction,
  input: { caseId: string; reason: string },
): Promise<Result<{ caseId: string }, CaseErrorCode>> {
  const { action, event } = SIMPLE_ACTIONS[kind];
  const now = deps.clock.now();
  return runCaseAction(deps, async (tx) => {
    const head = await visibleCaseForChange(tx, viewer, input.caseId);
    const changed = await applyTransition(tx, head, action, {
      type: event, actor: actorOf(viewer), at: now, payload: { reason: input.reason },
    }, kind === 'withdraw' ? { closedAt: now, nextActionOn: null } : {});
    if (kind === 'withdraw') {
      await tx.paymentArrangement.updateMany({ where: { caseId: head.id, status: { in: ['PROPOSED', 'ACTIVE'] } }, data: { status: 'CANCELLED', endedAt: now } });
    }
    if (kind === 'resolveDispute') {
      await refreshFigures({ tx, deps, head: changed, now, today: dutchDate(now), actor: actorOf(viewer) }, await loadInterestRates(tx));
    }
    return { caseId: head.id };
  });
}
