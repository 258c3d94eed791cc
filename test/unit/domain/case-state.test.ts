import {
  CASE_ACTIONS,
  CASE_STATUSES,
  actionsPause,
  allowedActions,
  isOpen,
  phaseOf,
  transition,
  type CaseAction,
  type CaseStatus,
} from '../../../src/domain/case-state';

const business = (status: CaseStatus, statusBeforeDispute?: CaseStatus) =>
  ({ status, statusBeforeDispute, debtorKind: 'BUSINESS' as const });

/** Every legal move, written out by hand; everything not listed must be refused. */
const LEGAL_MOVES: [CaseStatus, CaseAction, CaseStatus][] = [
  ['SUBMITTED', 'SEND_WIK_NOTICE', 'WIK_NOTICE'],
  ['SUBMITTED', 'START_REMINDERS', 'REMINDERS'],
  ['SUBMITTED', 'DISPUTE', 'DISPUTED'],
  ['SUBMITTED', 'ESCALATE_ABROAD', 'PARTNER_ABROAD'],
  ['SUBMITTED', 'PAID_IN_FULL', 'PAID'],
  ['SUBMITTED', 'WITHDRAW', 'WITHDRAWN'],
  ['SUBMITTED', 'WRITE_OFF', 'WRITTEN_OFF'],

  ['WIK_NOTICE', 'WIK_TERM_EXPIRED', 'REMINDERS'],
  ['WIK_NOTICE', 'AGREE_ARRANGEMENT', 'ARRANGEMENT'],
  ['WIK_NOTICE', 'DISPUTE', 'DISPUTED'],
  ['WIK_NOTICE', 'PAID_IN_FULL', 'PAID'],
  ['WIK_NOTICE', 'WITHDRAW', 'WITHDRAWN'],
  ['WIK_NOTICE', 'WRITE_OFF', 'WRITTEN_OFF'],

  ['REMINDERS', 'AGREE_ARRANGEMENT', 'ARRANGEMENT'],
  ['REMINDERS', 'DISPUTE', 'DISPUTED'],
  ['REMINDERS', 'ESCALATE_ABROAD', 'PARTNER_ABROAD'],
  ['REMINDERS', 'ESCALATE_BAILIFF', 'BAILIFF_VISIT'],
  ['REMINDERS', 'ESCALATE_LEGAL', 'LEGAL'],
  ['REMINDERS', 'START_MONITORING', 'MONITORING'],
  ['REMINDERS', 'PAID_IN_FULL', 'PAID'],
  ['REMINDERS', 'WITHDRAW', 'WITHDRAWN'],
  ['REMINDERS', 'WRITE_OFF', 'WRITTEN_OFF'],

  ['ARRANGEMENT', 'BREACH_ARRANGEMENT', 'REMINDERS'],
  ['ARRANGEMENT', 'DISPUTE', 'DISPUTED'],
  ['ARRANGEMENT', 'PAID_IN_FULL', 'PAID'],
  ['ARRANGEMENT', 'WITHDRAW', 'WITHDRAWN'],
  ['ARRANGEMENT', 'WRITE_OFF', 'WRITTEN_OFF'],

  ['DISPUTED', 'PAID_IN_FULL', 'PAID'],
  ['DISPUTED', 'WITHDRAW', 'WITHDRAWN'],
  ['DISPUTED', 'WRITE_OFF', 'WRITTEN_OFF'],
  // RESOLVE_DISPUTE from DISPUTED is tested separately: its target depends on the history.

  ['PARTNER_ABROAD', 'DISPUTE', 'DISPUTED'],
  ['PARTNER_ABROAD', 'RESUME_COLLECTION', 'REMINDERS'],
  ['PARTNER_ABROAD', 'PAID_IN_FULL', 'PAID'],
  ['PARTNER_ABROAD', 'WITHDRAW', 'WITHDRAWN'],
  ['PARTNER_ABROAD', 'WRITE_OFF', 'WRITTEN_OFF'],

  ['BAILIFF_VISIT', 'AGREE_ARRANGEMENT', 'ARRANGEMENT'],
  ['BAILIFF_VISIT', 'DISPUTE', 'DISPUTED'],
  ['BAILIFF_VISIT', 'ESCALATE_LEGAL', 'LEGAL'],
  ['BAILIFF_VISIT', 'START_MONITORING', 'MONITORING'],
  ['BAILIFF_VISIT', 'RESUME_COLLECTION', 'REMINDERS'],
  ['BAILIFF_VISIT', 'PAID_IN_FULL', 'PAID'],
  ['BAILIFF_VISIT', 'WITHDRAW', 'WITHDRAWN'],
  ['BAILIFF_VISIT', 'WRITE_OFF', 'WRITTEN_OFF'],

  ['LEGAL', 'DISPUTE', 'DISPUTED'],
  ['LEGAL', 'START_MONITORING', 'MONITORING'],
  ['LEGAL', 'RESUME_COLLECTION', 'REMINDERS'],
  ['LEGAL', 'PAID_IN_FULL', 'PAID'],
  ['LEGAL', 'WITHDRAW', 'WITHDRAWN'],
  ['LEGAL', 'WRITE_OFF', 'WRITTEN_OFF'],

  ['MONITORING', 'DISPUTE', 'DISPUTED'],
  ['MONITORING', 'ESCALATE_LEGAL', 'LEGAL'],
  ['MONITORING', 'RESUME_COLLECTION', 'REMINDERS'],
  ['MONITORING', 'PAID_IN_FULL', 'PAID'],
  ['MONITORING', 'WITHDRAW', 'WITHDRAWN'],
  ['MONITORING', 'WRITE_OFF', 'WRITTEN_OFF'],

  ['PAID', 'CLOSE', 'CLOSED'],
  ['WITHDRAWN', 'CLOSE', 'CLOSED'],
  ['WRITTEN_OFF', 'PAID_IN_FULL', 'PAID'],
  ['WRITTEN_OFF', 'CLOSE', 'CLOSED'],
];

const OPEN: CaseStatus[] = [
  'SUBMITTED', 'WIK_NOTICE', 'REMINDERS', 'ARRANGEMENT', 'DISPUTED',
  'PARTNER_ABROAD', 'BAILIFF_VISIT', 'LEGAL', 'MONITORING',
];

describe('transition: legal moves', () => {
  it.each(LEGAL_MOVES)('%s --%s--> %s', (from, action, to) => {
    const expected = to === 'DISPUTED' ? { ok: true, status: to, statusBeforeDispute: from } : { ok: true, status: to };
    expect(transition(business(from), action)).toEqual(expected);
  });
});

describe('transition: every other move is refused', () => {
  const legal = new Set(LEGAL_MOVES.map(([from, action]) => `${from} ${action}`));
  legal.add('DISPUTED RESOLVE_DISPUTE');
  const illegal = CASE_STATUSES.flatMap((from) => CASE_ACTIONS.map((action) => [from, action] as const))
    .filter(([from, action]) => !legal.has(`${from} ${action}`));

  it('covers the whole matrix', () => {
    expect(illegal.length + legal.size).toBe(CASE_STATUSES.length * CASE_ACTIONS.length);
  });

  it.each(illegal)('%s --%s--> refused', (from, action) => {
    expect(transition(business(from), action)).toEqual({
      ok: false,
      reason: `${action} is not allowed when the case is ${from}`,
    });
  });

  it.each([
    ['CLOSED', 'DISPUTE'],
    ['PAID', 'WITHDRAW'],
    ['PAID', 'PAID_IN_FULL'],
    ['WITHDRAWN', 'PAID_IN_FULL'],
    ['DISPUTED', 'ESCALATE_LEGAL'],
    ['MONITORING', 'ESCALATE_BAILIFF'],
    ['ARRANGEMENT', 'ESCALATE_LEGAL'],
    ['REMINDERS', 'CLOSE'],
  ] as const)('notably %s --%s--> refused', (from, action) => {
    expect(transition(business(from), action).ok).toBe(false);
  });
});

describe('the consumer and the 14-day letter', () => {
  it('refuses reminders (with costs) to a consumer before the 14-day letter', () => {
    expect(transition({ status: 'SUBMITTED', debtorKind: 'CONSUMER' }, 'START_REMINDERS')).toEqual({
      ok: false,
      reason: 'a consumer must first get the 14-day letter (art. 6:96 lid 6 BW): use SEND_WIK_NOTICE',
    });
  });

  it('lets a consumer case go SUBMITTED → WIK_NOTICE → REMINDERS', () => {
    expect(transition({ status: 'SUBMITTED', debtorKind: 'CONSUMER' }, 'SEND_WIK_NOTICE'))
      .toEqual({ ok: true, status: 'WIK_NOTICE' });
    expect(transition({ status: 'WIK_NOTICE', debtorKind: 'CONSUMER' }, 'WIK_TERM_EXPIRED'))
      .toEqual({ ok: true, status: 'REMINDERS' });
  });

  it('offers the same actions to a consumer as to a business, except START_REMINDERS', () => {
    for (const status of CASE_STATUSES) {
      const forBusiness = allowedActions(business(status)).filter((a) => a !== 'START_REMINDERS');
      expect(allowedActions({ status, debtorKind: 'CONSUMER' })).toEqual(forBusiness);
    }
  });
});

describe('disputes remember where they came from', () => {
  it.each(OPEN.filter((s) => s !== 'DISPUTED'))('%s → DISPUTED → back to %s', (from) => {
    const disputed = transition(business(from), 'DISPUTE');
    expect(disputed).toEqual({ ok: true, status: 'DISPUTED', statusBeforeDispute: from });
    expect(transition(business('DISPUTED', from), 'RESOLVE_DISPUTE')).toEqual({ ok: true, status: from });
  });

  it('cannot resolve a dispute without knowing the status before it', () => {
    expect(transition(business('DISPUTED'), 'RESOLVE_DISPUTE')).toEqual({
      ok: false,
      reason: 'cannot resolve the dispute: the status before it is unknown',
    });
  });

  it.each(['DISPUTED', 'CLOSED', 'PAID'] as const)('refuses to resolve back to %s', (before) => {
    expect(transition(business('DISPUTED', before), 'RESOLVE_DISPUTE').ok).toBe(false);
  });

  it('forgets the earlier status once the dispute ends in another way', () => {
    expect(transition(business('DISPUTED', 'LEGAL'), 'PAID_IN_FULL')).toEqual({ ok: true, status: 'PAID' });
  });
});

describe('allowedActions', () => {
  it.each<[CaseStatus, CaseStatus | undefined, CaseAction[]]>([
    ['SUBMITTED', undefined, ['SEND_WIK_NOTICE', 'START_REMINDERS', 'DISPUTE', 'ESCALATE_ABROAD', 'PAID_IN_FULL', 'WITHDRAW', 'WRITE_OFF']],
    ['DISPUTED', 'ARRANGEMENT', ['RESOLVE_DISPUTE', 'PAID_IN_FULL', 'WITHDRAW', 'WRITE_OFF']],
    ['DISPUTED', undefined, ['PAID_IN_FULL', 'WITHDRAW', 'WRITE_OFF']],
    ['PAID', undefined, ['CLOSE']],
    ['WRITTEN_OFF', undefined, ['PAID_IN_FULL', 'CLOSE']],
    ['CLOSED', undefined, []],
  ])('%s (before dispute: %s) → %j', (status, before, expected) => {
    expect(allowedActions(business(status, before))).toEqual(expected);
  });
});

describe('phases, open and paused statuses', () => {
  it.each<[CaseStatus, string, boolean, boolean]>([
    ['SUBMITTED', 'INTAKE', true, false],
    ['WIK_NOTICE', 'AMICABLE', true, false],
    ['REMINDERS', 'AMICABLE', true, false],
    ['BAILIFF_VISIT', 'AMICABLE', true, false],
    ['ARRANGEMENT', 'PAYMENT_PLAN', true, false],
    ['DISPUTED', 'DISPUTE', true, true],
    ['PARTNER_ABROAD', 'ABROAD', true, false],
    ['LEGAL', 'LEGAL', true, false],
    ['MONITORING', 'MONITORING', true, true],
    ['PAID', 'CLOSED', false, false],
    ['WITHDRAWN', 'CLOSED', false, false],
    ['WRITTEN_OFF', 'CLOSED', false, false],
    ['CLOSED', 'CLOSED', false, false],
  ])('%s: phase %s, open %s, actions paused %s', (status, phase, open, paused) => {
    expect(phaseOf(status)).toBe(phase);
    expect(isOpen(status)).toBe(open);
    expect(actionsPause(status)).toBe(paused);
  });
});
