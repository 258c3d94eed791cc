import type { DebtorKind } from './wik-letter';

/**
 * The case lifecycle: the one place that knows which status change is legal. Services ask
 * `transition` and persist its answer together with the CaseEvent.
 */

export const CASE_STATUSES = [
  'SUBMITTED',
  'WIK_NOTICE',
  'REMINDERS',
  'ARRANGEMENT',
  'DISPUTED',
  'PARTNER_ABROAD',
  'BAILIFF_VISIT',
  'LEGAL',
  'MONITORING',
  'PAID',
  'WITHDRAWN',
  'WRITTEN_OFF',
  'CLOSED',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_ACTIONS = [
  'SEND_WIK_NOTICE',
  'WIK_TERM_EXPIRED',
  'START_REMINDERS',
  'AGREE_ARRANGEMENT',
  'BREACH_ARRANGEMENT',
  'DISPUTE',
  'RESOLVE_DISPUTE',
  'ESCALATE_ABROAD',
  'ESCALATE_BAILIFF',
  'ESCALATE_LEGAL',
  'START_MONITORING',
  'RESUME_COLLECTION',
  'PAID_IN_FULL',
  'WITHDRAW',
  'WRITE_OFF',
  'CLOSE',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/**
 * Where a case stands, coarser than its status. A bailiff's home visit is still extrajudicial,
 * so it belongs to the amicable phase; PAID, WITHDRAWN and WRITTEN_OFF are closed for
 * collection and only wait for the administrative CLOSE.
 */
export type CasePhase =
  | 'INTAKE'
  | 'AMICABLE'
  | 'PAYMENT_PLAN'
  | 'DISPUTE'
  | 'ABROAD'
  | 'LEGAL'
  | 'MONITORING'
  | 'CLOSED';

const PHASE: Record<CaseStatus, CasePhase> = {
  SUBMITTED: 'INTAKE',
  WIK_NOTICE: 'AMICABLE',
  REMINDERS: 'AMICABLE',
  BAILIFF_VISIT: 'AMICABLE',
  ARRANGEMENT: 'PAYMENT_PLAN',
  DISPUTED: 'DISPUTE',
  PARTNER_ABROAD: 'ABROAD',
  LEGAL: 'LEGAL',
  MONITORING: 'MONITORING',
  PAID: 'CLOSED',
  WITHDRAWN: 'CLOSED',
  WRITTEN_OFF: 'CLOSED',
  CLOSED: 'CLOSED',
};

const OPEN_STATUSES: readonly CaseStatus[] = CASE_STATUSES.filter((s) => PHASE[s] !== 'CLOSED');

export interface CaseState {
  status: CaseStatus;
  /** Only while DISPUTED: where RESOLVE_DISPUTE returns to. */
  statusBeforeDispute?: CaseStatus;
  debtorKind: DebtorKind;
}

export type TransitionResult =
  | { ok: true; status: CaseStatus; statusBeforeDispute?: CaseStatus }
  | { ok: false; reason: string };

interface Rule {
  from: readonly CaseStatus[];
  to: CaseStatus | 'STATUS_BEFORE_DISPUTE';
}

const RULES: Record<CaseAction, Rule> = {
  // Sending the letter to a business is not required but harmless, e.g. when in doubt.
  SEND_WIK_NOTICE: { from: ['SUBMITTED'], to: 'WIK_NOTICE' },
  WIK_TERM_EXPIRED: { from: ['WIK_NOTICE'], to: 'REMINDERS' },
  START_REMINDERS: { from: ['SUBMITTED'], to: 'REMINDERS' },
  AGREE_ARRANGEMENT: { from: ['WIK_NOTICE', 'REMINDERS', 'BAILIFF_VISIT'], to: 'ARRANGEMENT' },
  BREACH_ARRANGEMENT: { from: ['ARRANGEMENT'], to: 'REMINDERS' },
  DISPUTE: { from: OPEN_STATUSES.filter((s) => s !== 'DISPUTED'), to: 'DISPUTED' },
  RESOLVE_DISPUTE: { from: ['DISPUTED'], to: 'STATUS_BEFORE_DISPUTE' },
  // A debtor abroad can go to a partner straight from intake: the partner then does it all.
  ESCALATE_ABROAD: { from: ['SUBMITTED', 'REMINDERS'], to: 'PARTNER_ABROAD' },
  ESCALATE_BAILIFF: { from: ['REMINDERS'], to: 'BAILIFF_VISIT' },
  // From MONITORING: an existing judgment is enforced once the debtor can pay again.
  ESCALATE_LEGAL: { from: ['REMINDERS', 'BAILIFF_VISIT', 'MONITORING'], to: 'LEGAL' },
  // A home visit that shows the debtor cannot pay leads to monitoring too.
  START_MONITORING: { from: ['REMINDERS', 'BAILIFF_VISIT', 'LEGAL'], to: 'MONITORING' },
  // The agency takes collection back: monitoring ends, a partner, bailiff or lawyer returns
  // the case, or a home visit is done.
  RESUME_COLLECTION: { from: ['PARTNER_ABROAD', 'BAILIFF_VISIT', 'LEGAL', 'MONITORING'], to: 'REMINDERS' },
  // A payment can arrive at any time, also on a written-off claim; after a withdrawal it is the
  // creditor's again.
  PAID_IN_FULL: { from: [...OPEN_STATUSES, 'WRITTEN_OFF'], to: 'PAID' },
  WITHDRAW: { from: OPEN_STATUSES, to: 'WITHDRAWN' },
  WRITE_OFF: { from: OPEN_STATUSES, to: 'WRITTEN_OFF' },
  CLOSE: { from: ['PAID', 'WITHDRAWN', 'WRITTEN_OFF'], to: 'CLOSED' },
};

export function phaseOf(status: CaseStatus): CasePhase {
  return PHASE[status];
}

export function isOpen(status: CaseStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

/** While disputed or monitored, no reminders, calls, visits or escalations go out. */
export function actionsPause(status: CaseStatus): boolean {
  return status === 'DISPUTED' || status === 'MONITORING';
}

export function transition(state: CaseState, action: CaseAction): TransitionResult {
  const rule = RULES[action];
  if (!rule.from.includes(state.status)) {
    return { ok: false, reason: `${action} is not allowed when the case is ${state.status}` };
  }
  if (action === 'START_REMINDERS' && state.debtorKind === 'CONSUMER') {
    return { ok: false, reason: 'a consumer must first get the 14-day letter (art. 6:96 lid 6 BW): use SEND_WIK_NOTICE' };
  }
  if (rule.to === 'STATUS_BEFORE_DISPUTE') return resolveDispute(state);
  if (rule.to === 'DISPUTED') return { ok: true, status: 'DISPUTED', statusBeforeDispute: state.status };
  return { ok: true, status: rule.to };
}

function resolveDispute({ statusBeforeDispute }: CaseState): TransitionResult {
  if (!statusBeforeDispute || !RULES.DISPUTE.from.includes(statusBeforeDispute)) {
    return { ok: false, reason: `cannot resolve the dispute: the status before it is ${statusBeforeDispute ?? 'unknown'}` };
  }
  return { ok: true, status: statusBeforeDispute };
}

export function allowedActions(state: CaseState): CaseAction[] {
  return CASE_ACTIONS.filter((action) => transition(state, action).ok);
}
