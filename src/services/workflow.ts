import type { AppDeps } from '../context';
import { describeFault } from '../logger';
import { SYSTEM_ACTOR } from '../auth/viewer';
import { addDays, dutchDate, fromUtcDate, toUtcDate, type CalendarDate } from '../domain/dates';
import { isOpen } from '../domain/case-state';
import { computeWikTerm, decideCollectionCosts } from '../domain/wik-letter';
import { findBreach } from '../domain/arrangement';
import { isContactAllowed } from '../domain/contact-window';
import { isWeekendOrHoliday, nextDayThatIsNotWeekendOrHoliday } from '../domain/calendar';
import { formatAmount, money } from '../domain/money';
import type { InterestRate } from '../domain/interest';
import { recordEvent, type Actor } from './case-events';
import { applyTransition, CASE_HEAD, inTransaction, lockCase, updateCase, type CaseHead, type Tx } from './case-store';
import { collectionCosts, LEDGER_SELECT, loadInterestRates, statementOf } from './case-ledger';

/** Days between reminders in the amicable phase (agency policy). */
export const REMINDER_INTERVAL_DAYS = 14;
/** Reminders before a case is put up for an escalation decision (agency policy). */
export const MAX_REMINDERS = 3;

export type Step = { tx: Tx; deps: AppDeps; head: CaseHead; now: Date; today: CalendarDate; actor: Actor };

/**
 * The first step after intake. A consumer gets the 14-day letter (6:96 lid 6): posted today,
 * announcing the costs that will be due if the term passes unpaid. A business debtor owes the
 * costs without a letter (6:96 lid 4), so reminders start at once.
 */
export async function startCollection(step: Step, principals: string[], vatDeductible: boolean, earliestDueDate: CalendarDate): Promise<CaseHead> {
  const { tx, deps, head, now, today, actor } = step;
  const costs = collectionCosts(principals, vatDeductible, deps.config.vatRatePercent);
  if (head.debtor.kind === 'CONSUMER') {
    // Letters go in the post on working days; one handed over on a weekend or holiday is posted
    // the next working day, and its term is counted from then (counting from today would be short).
    const postedOn = isWeekendOrHoliday(today) ? nextDayThatIsNotWeekendOrHoliday(today) : today;
    const term = computeWikTerm(postedOn);
    await tx.communication.create({
      data: {
        caseId: head.id, kind: 'WIK_NOTICE', channel: 'LETTER', sentAt: now,
        postedOn: toUtcDate(postedOn), termEndsOn: toUtcDate(term.extendedTermEndsOn), costsAnnounced: formatAmount(costs.total),
      },
    });
    return applyTransition(tx, head, 'SEND_WIK_NOTICE', {
      type: 'WIK_NOTICE_SENT',
      actor, at: now,
      payload: {
        postedOn: term.postedOn, deliveredOn: term.deliveredOn, termEndsOn: term.termEndsOn,
        extendedTermEndsOn: term.extendedTermEndsOn, costsAnnounced: formatAmount(costs.total),
      },
    }, { nextActionOn: toUtcDate(addDays(term.extendedTermEndsOn, 1)) });
  }
  const decision = decideCollectionCosts({ debtorKind: 'BUSINESS', paymentDeadline: earliestDueDate, today });
  const started = await applyTransition(tx, head, 'START_REMINDERS', {
    type: 'REMINDER_SENT', actor, at: now,
    payload: { number: 1, costs: formatAmount(costs.total), costsChargeableFrom: decision.chargeableFrom },
  }, {
    costsAmount: formatAmount(costs.total),
    costsVatAmount: formatAmount(costs.vat),
    costsChargeableFrom: decision.chargeableFrom ? toUtcDate(decision.chargeableFrom) : null,
    nextActionOn: toUtcDate(addDays(today, REMINDER_INTERVAL_DAYS)),
  });
  await createReminder(tx, started.id, now);
  return started;
}

async function createReminder(tx: Tx, caseId: string, now: Date): Promise<void> {
  const debtor = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: { debtor: { select: { email: true } } } });
  await tx.communication.create({ data: { caseId, kind: 'REMINDER', channel: debtor.debtor.email ? 'EMAIL' : 'LETTER', sentAt: now } });
}

/**
 * Recomputes what is paid and owed as of today, keeps instalments and arrangement in step, and
 * closes the case as PAID when nothing is owed any more.
 */
export async function refreshFigures(step: Step, rates: readonly InterestRate[]): Promise<CaseHead> {
  const { tx, head, now, today, actor } = step;
  const ledger = await tx.case.findUniqueOrThrow({ where: { id: head.id }, select: LEDGER_SELECT });
  const statement = statementOf(ledger, rates, today);
  let current = await updateCase(tx, head, { paidAmount: formatAmount(statement.totalPaid), balanceAmount: formatAmount(statement.balance) });
  if (statement.balance.lte(0) && isOpen(current.status)) {
    const kept = await tx.paymentArrangement.findFirst({ where: { caseId: head.id, status: 'ACTIVE' }, select: { id: true } });
    if (kept) {
      await tx.paymentArrangement.update({ where: { id: kept.id }, data: { status: 'COMPLETED', endedAt: now } });
      await recordEvent(tx, { caseId: head.id, creditorId: head.creditorId, type: 'ARRANGEMENT_COMPLETED', actor, at: now, payload: { arrangementId: kept.id } });
    }
    current = await applyTransition(tx, current, 'PAID_IN_FULL', {
      type: 'CASE_PAID', actor, at: now, payload: { totalPaid: formatAmount(statement.totalPaid) },
    }, { closedAt: now, nextActionOn: null });
  }
  return current;
}

/** What a time-driven step did to a case; the job reports these counts. */
export type AdvanceOutcome = 'WIK_TERM_EXPIRED' | 'REMINDER_SENT' | 'ARRANGEMENT_BREACHED' | 'ESCALATION_DUE' | 'NOTHING_DUE';

/**
 * Moves one case forward if something is due today: the 14-day term ran out, a reminder is due,
 * or an instalment is unpaid past its grace period. Disputed and monitored cases wait.
 */
export async function advanceCase(deps: AppDeps, caseId: string, now: Date): Promise<AdvanceOutcome> {
  const today = dutchDate(now);
  return inTransaction(deps.db, async (tx) => {
    await lockCase(tx, caseId);
    const head = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: { ...CASE_HEAD, nextActionOn: true } });
    if (!head.nextActionOn || fromUtcDate(head.nextActionOn) > today) return 'NOTHING_DUE';
    const rates = await loadInterestRates(tx);
    const step: Step = { tx, deps, head, now, today, actor: SYSTEM_ACTOR };
    switch (head.status) {
      case 'WIK_NOTICE':
        return expireWikTerm(step, rates);
      case 'REMINDERS':
        return sendNextReminder(step);
      case 'ARRANGEMENT':
        return checkArrangement(step, rates);
      default:
        return 'NOTHING_DUE';
    }
  });
}

/**
 * The 14-day term passed unpaid: costs become due, on the principal that then remains (a part
 * paid within the term lowers them), from the day after the (extended) term end.
 */
async function expireWikTerm(step: Step, rates: readonly InterestRate[]): Promise<AdvanceOutcome> {
  const { tx, head, now } = step;
  const costs = await wikCosts(step, rates);
  let current = await applyTransition(tx, head, 'WIK_TERM_EXPIRED', {
    type: 'WIK_TERM_EXPIRED', actor: step.actor, at: now, payload: costs.payload,
  }, costs.columns);
  current = await refreshFigures({ ...step, head: current }, rates);
  await remind({ ...step, head: current }, 1);
  return 'WIK_TERM_EXPIRED';
}

/**
 * A payment reported late but received within the term changes what the letter allows: less
 * principal remained (lower costs), or nothing did (no costs at all, 6:96 lid 6). Costs are
 * worked out again from every payment known now; the change is on the timeline.
 */
export async function reconsiderWikCosts(step: Step, rates: readonly InterestRate[], receivedOn: CalendarDate): Promise<CaseHead> {
  const { tx, head, now } = step;
  const letter = await tx.communication.findFirst({ where: { caseId: head.id, kind: 'WIK_NOTICE' }, orderBy: { sentAt: 'desc' } });
  // A payment can only lower the costs, so only charged costs are worth a second look.
  const { costsAmount } = await tx.case.findUniqueOrThrow({ where: { id: head.id }, select: { costsAmount: true } });
  if (!letter?.termEndsOn || receivedOn > fromUtcDate(letter.termEndsOn) || costsAmount.lte(0)) return head;
  const costs = await wikCosts(step, rates);
  if (costsAmount.equals(costs.columns.costsAmount)) return head;
  await recordEvent(tx, {
    caseId: head.id, creditorId: head.creditorId, type: 'COSTS_ADJUSTED', actor: step.actor, at: now,
    payload: { ...costs.payload, previousCosts: formatAmount(costsAmount.toString()), reason: 'payment within the 14-day term' },
  });
  return updateCase(tx, head, costs.columns);
}

/** What the case's 14-day letter allows in costs, given the payments known now. */
async function wikCosts(step: Step, rates: readonly InterestRate[]) {
  const { tx, deps, head, today } = step;
  const letter = await tx.communication.findFirstOrThrow({ where: { caseId: head.id, kind: 'WIK_NOTICE' }, orderBy: { sentAt: 'desc' } });
  const creditor = await tx.creditor.findUniqueOrThrow({ where: { id: head.creditorId }, select: { vatDeductible: true } });
  const termEnd = fromUtcDate(letter.termEndsOn!);
  const ledger = await tx.case.findUniqueOrThrow({ where: { id: head.id }, select: LEDGER_SELECT });
  const withoutCosts = { ...ledger, costsAmount: ledger.costsAmount.mul(0), costsChargeableFrom: null };
  const atTermEnd = statementOf(withoutCosts, rates, addDays(termEnd, 1));
  const paidWithinTerm = atTermEnd.balance.lte(0) ? atTermEnd.payments.map((p) => p.receivedOn).sort().at(-1) ?? null : null;
  const decision = decideCollectionCosts({
    debtorKind: 'CONSUMER',
    letter: { postedOn: fromUtcDate(letter.postedOn!), statedTermEndsOn: termEnd },
    paidInFullOn: paidWithinTerm,
    today,
  });
  const costs = collectionCosts(atTermEnd.claims.map((c) => c.principalOutstanding.toString()), creditor.vatDeductible, deps.config.vatRatePercent);
  // Still running (a plan breached within the term): due from the day after it, if unpaid then.
  const chargeable = decision.chargeable || decision.reason === 'TERM_RUNNING' ? decision.chargeableFrom : null;
  const total = chargeable ? formatAmount(costs.total) : '0.00';
  const vat = chargeable ? formatAmount(costs.vat) : '0.00';
  return {
    columns: { costsAmount: total, costsVatAmount: vat, costsChargeableFrom: chargeable ? toUtcDate(chargeable) : null },
    payload: {
      termEndsOn: termEnd, costs: total, costsVat: vat, costsChargeableFrom: chargeable,
      ...(!decision.chargeable && !chargeable ? { costsRefused: decision.reason } : {}),
    },
  };
}

async function sendNextReminder(step: Step): Promise<AdvanceOutcome> {
  const sent = await step.tx.communication.count({ where: { caseId: step.head.id, kind: 'REMINDER' } });
  if (sent >= MAX_REMINDERS) {
    await updateCase(step.tx, step.head, { nextActionOn: null });
    return 'ESCALATION_DUE';
  }
  await remind(step, sent + 1);
  return 'REMINDER_SENT';
}

async function remind(step: Step, number: number): Promise<CaseHead> {
  const { tx, head, now, today, actor } = step;
  await createReminder(tx, head.id, now);
  await recordEvent(tx, { caseId: head.id, creditorId: head.creditorId, type: 'REMINDER_SENT', payload: { number }, actor, at: now });
  return updateCase(tx, head, { nextActionOn: toUtcDate(addDays(today, REMINDER_INTERVAL_DAYS)) });
}

/** An instalment unpaid past its grace period breaches the plan: interest runs again and collection resumes. */
async function checkArrangement(step: Step, rates: readonly InterestRate[]): Promise<AdvanceOutcome> {
  const { tx, head, now, today } = step;
  const arrangement = await tx.paymentArrangement.findFirstOrThrow({
    where: { caseId: head.id, status: 'ACTIVE' },
    include: { instalments: { orderBy: { sequence: 'asc' } } },
  });
  const instalments = arrangement.instalments.map((i) => ({ dueOn: fromUtcDate(i.dueOn), amount: i.amount.toString(), paid: i.paidAmount.toString() }));
  const breach = findBreach({ instalments, today, graceDays: arrangement.graceDays });
  if (!breach) {
    await updateCase(tx, head, { nextActionOn: toUtcDate(nextArrangementCheck(instalments, arrangement.graceDays) ?? addDays(today, 1)) });
    return 'NOTHING_DUE';
  }
  await tx.paymentArrangement.update({ where: { id: arrangement.id }, data: { status: 'BREACHED', endedAt: now } });
  // A plan agreed during the 14-day term skipped its expiry: the costs the letter allows are worked
  // out now (the same answer the expiry gave, when there was one; they depend on letter and payments only).
  const hasLetter = (await tx.communication.count({ where: { caseId: head.id, kind: 'WIK_NOTICE' } })) > 0;
  const letterCosts = hasLetter ? await wikCosts(step, rates) : null;
  let current = await applyTransition(tx, head, 'BREACH_ARRANGEMENT', {
    type: 'ARRANGEMENT_BREACHED', actor: step.actor, at: now,
    payload: {
      arrangementId: arrangement.id, instalmentDueOn: breach.dueOn, outstanding: formatAmount(breach.outstanding),
      ...(letterCosts ? { costs: letterCosts.payload.costs, costsChargeableFrom: letterCosts.payload.costsChargeableFrom } : {}),
    },
  }, { interestFrozenOn: null, ...letterCosts?.columns });
  current = await refreshFigures({ ...step, head: current }, rates);
  if (isOpen(current.status)) await remind({ ...step, head: current }, 1 + (await tx.communication.count({ where: { caseId: head.id, kind: 'REMINDER' } })));
  return 'ARRANGEMENT_BREACHED';
}

/** The day after the grace period of the first instalment not yet paid in full. */
export function nextArrangementCheck(instalments: { dueOn: CalendarDate; amount: string; paid: string }[], graceDays: number): CalendarDate | null {
  const open = instalments.find((i) => money(i.paid).lt(i.amount));
  return open ? addDays(open.dueOn, graceDays + 1) : null;
}

/** Cases a run looks at per batch: small enough to keep memory flat, large enough to amortise the query. */
export const ADVANCE_BATCH_SIZE = 200;

/**
 * Advances every case with an action due today, in pages by id. One case failing is logged and
 * counted; it does not stop the others. Outside the hours debtors may be contacted it does nothing.
 */
export async function advanceDueCases(deps: AppDeps, now: Date): Promise<Record<AdvanceOutcome | 'FAILED', number>> {
  const today = toUtcDate(dutchDate(now));
  const counts: Record<AdvanceOutcome | 'FAILED', number> = {
    WIK_TERM_EXPIRED: 0, REMINDER_SENT: 0, ARRANGEMENT_BREACHED: 0, ESCALATION_DUE: 0, NOTHING_DUE: 0, FAILED: 0,
  };
  // Wet kwaliteit incassodienstverlening: no debtor contact 20:00-07:00, on Sundays or holidays.
  // Steps send reminders, so none run then; the next allowed run picks up what is due.
  if (!isContactAllowed(now)) return counts;
  let after = '';
  for (;;) {
    const due = await deps.db.case.findMany({
      where: { id: { gt: after }, nextActionOn: { lte: today }, status: { in: ['WIK_NOTICE', 'REMINDERS', 'ARRANGEMENT'] } },
      select: { id: true },
      orderBy: { id: 'asc' },
      take: ADVANCE_BATCH_SIZE,
    });
    for (const { id } of due) {
      try {
        counts[await advanceCase(deps, id, now)]++;
      } catch (err) {
        counts.FAILED++;
        deps.logger.error({ fault: describeFault(err), caseId: id }, 'advancing case failed');
      }
    }
    if (due.length < ADVANCE_BATCH_SIZE) return counts;
    after = due[due.length - 1].id;
  }
}
