import type { AppDeps } from '../context';
import { actorOf, type Viewer } from '../auth/viewer';
import { visibleCases } from '../auth/visibility';
import { dutchDate, fromUtcDate, toUtcDate, type CalendarDate } from '../domain/dates';
import { planInstalments, type PlanErrorCode } from '../domain/arrangement';
import { transition } from '../domain/case-state';
import { formatAmount } from '../domain/money';
import { recordEvent } from './case-events';
import { applyTransition, stateOf } from './case-store';
import { runCaseAction, visibleCaseForChange } from './case-lifecycle';
import { LEDGER_SELECT, loadInterestRates, statementOf } from './case-ledger';
import { Rejected, type CaseErrorCode, type Result } from './errors';
import { nextArrangementCheck } from './workflow';

export type ArrangementProposeInput = {
  caseId: string;
  instalmentCount: number;
  firstDueOn: CalendarDate;
  intervalMonths?: number | null;
  graceDays?: number | null;
};

/** Days an instalment may be late before the plan counts as breached (agency policy default). */
export const DEFAULT_GRACE_DAYS = 7;

const PLAN_FIELD: Record<PlanErrorCode, string> = {
  INVALID_TOTAL: 'caseId',
  TOTAL_NOT_POSITIVE: 'caseId',
  COUNT_OUT_OF_RANGE: 'instalmentCount',
  INTERVAL_OUT_OF_RANGE: 'intervalMonths',
  INVALID_FIRST_DUE_DATE: 'firstDueOn',
  INSTALMENT_BELOW_MINIMUM: 'instalmentCount',
};

/**
 * Proposes a payment plan for today's balance. Interest stops from today if the debtor accepts
 * and keeps to it; an earlier proposal not yet accepted is replaced.
 */
export async function proposeArrangement(deps: AppDeps, viewer: Viewer, input: ArrangementProposeInput): Promise<Result<{ arrangementId: string; caseId: string }, CaseErrorCode>> {
  const now = deps.clock.now();
  const today = dutchDate(now);
  const graceDays = input.graceDays ?? DEFAULT_GRACE_DAYS;
  return runCaseAction(deps, async (tx) => {
    const head = await visibleCaseForChange(tx, viewer, input.caseId);
    const allowed = transition(stateOf(head), 'AGREE_ARRANGEMENT');
    if (!allowed.ok) throw new Rejected([{ code: 'ILLEGAL_TRANSITION', field: ['input', 'caseId'], message: `Not possible now: ${allowed.reason}.` }]);
    if (!Number.isInteger(graceDays) || graceDays < 0 || graceDays > 31) {
      throw new Rejected([{ code: 'INVALID_ARRANGEMENT', field: ['input', 'graceDays'], message: 'graceDays must be a whole number from 0 to 31' }]);
    }
    if (input.firstDueOn < today) {
      throw new Rejected([{ code: 'INVALID_ARRANGEMENT', field: ['input', 'firstDueOn'], message: `firstDueOn ${input.firstDueOn} is before today (${today})` }]);
    }
    const ledger = await tx.case.findUniqueOrThrow({ where: { id: head.id }, select: LEDGER_SELECT });
    const balance = statementOf(ledger, await loadInterestRates(tx), today).balance;
    if (balance.lte(0)) throw new Rejected([{ code: 'NOTHING_OUTSTANDING', field: ['input', 'caseId'], message: 'Nothing is owed on this case.' }]);
    const plan = planInstalments({ total: balance, count: input.instalmentCount, firstDueOn: input.firstDueOn, intervalMonths: input.intervalMonths ?? 1 });
    if (!plan.ok) {
      throw new Rejected(plan.errors.map((e) => ({ code: 'INVALID_ARRANGEMENT' as const, field: ['input', PLAN_FIELD[e.code]], message: e.message })));
    }
    await tx.paymentArrangement.updateMany({ where: { caseId: head.id, status: 'PROPOSED' }, data: { status: 'CANCELLED', endedAt: now } });
    const arrangement = await tx.paymentArrangement.create({
      data: {
        caseId: head.id, totalAmount: formatAmount(balance), graceDays, proposedAt: now,
        instalments: { create: plan.instalments.map((i) => ({ sequence: i.number, dueOn: toUtcDate(i.dueOn), amount: formatAmount(i.amount) })) },
      },
    });
    await recordEvent(tx, {
      caseId: head.id, creditorId: head.creditorId, type: 'ARRANGEMENT_PROPOSED', actor: actorOf(viewer), at: now,
      payload: { arrangementId: arrangement.id, total: formatAmount(balance), instalments: plan.instalments.length, firstDueOn: input.firstDueOn },
    });
    return { arrangementId: arrangement.id, caseId: head.id };
  });
}

/** The debtor agreed: collection pauses for the plan, interest is frozen at the proposal day. */
export async function acceptArrangement(deps: AppDeps, viewer: Viewer, input: { arrangementId: string }): Promise<Result<{ arrangementId: string; caseId: string }, CaseErrorCode>> {
  const now = deps.clock.now();
  return runCaseAction(deps, async (tx) => {
    const arrangement = await tx.paymentArrangement.findFirst({
      where: { id: input.arrangementId, case: visibleCases(viewer) },
      include: { instalments: { orderBy: { sequence: 'asc' } } },
    });
    if (!arrangement || viewer.kind === 'PARTNER') {
      throw new Rejected([{ code: 'ARRANGEMENT_NOT_FOUND', field: ['input', 'arrangementId'], message: 'No arrangement with this id.' }]);
    }
    const head = await visibleCaseForChange(tx, viewer, arrangement.caseId);
    if (arrangement.status !== 'PROPOSED') {
      throw new Rejected([{ code: 'INVALID_ARRANGEMENT', field: ['input', 'arrangementId'], message: `The arrangement is ${arrangement.status}, not PROPOSED.` }]);
    }
    await tx.paymentArrangement.update({ where: { id: arrangement.id }, data: { status: 'ACTIVE', acceptedAt: now } });
    const firstCheck = nextArrangementCheck(
      arrangement.instalments.map((i) => ({ dueOn: fromUtcDate(i.dueOn), amount: i.amount.toString(), paid: i.paidAmount.toString() })),
      arrangement.graceDays,
    );
    await applyTransition(tx, head, 'AGREE_ARRANGEMENT', {
      type: 'ARRANGEMENT_ACCEPTED', actor: actorOf(viewer), at: now, payload: { arrangementId: arrangement.id },
    }, {
      interestFrozenOn: toUtcDate(dutchDate(arrangement.proposedAt)),
      nextActionOn: firstCheck ? toUtcDate(firstCheck) : null,
    });
    return { arrangementId: arrangement.id, caseId: arrangement.caseId };
  });
}
