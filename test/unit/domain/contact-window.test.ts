import { isContactAllowed, nextContactMoment } from '../../../src/domain/contact-window';

/** Comments give Dutch wall-clock time: CET = UTC+1 in winter, CEST = UTC+2 in summer. */
const at = (iso: string) => new Date(iso);

describe('isContactAllowed', () => {
  it.each([
    // Summer (CEST)
    ['2025-06-17T05:00:00Z', true, 'Tue 07:00 CEST'],
    ['2025-06-17T04:59:59Z', false, 'Tue 06:59:59 CEST'],
    ['2025-06-17T17:59:59Z', true, 'Tue 19:59:59 CEST'],
    ['2025-06-17T18:00:00Z', false, 'Tue 20:00 CEST'],
    // Winter (CET)
    ['2025-01-14T06:00:00Z', true, 'Tue 07:00 CET'],
    ['2025-01-14T05:59:59Z', false, 'Tue 06:59:59 CET'],
    ['2025-01-14T18:59:59Z', true, 'Tue 19:59:59 CET'],
    ['2025-01-14T19:00:00Z', false, 'Tue 20:00 CET'],
    // Days
    ['2025-06-14T12:00:00Z', true, 'Saturday afternoon'],
    ['2025-06-15T12:00:00Z', false, 'Sunday afternoon'],
    ['2025-12-25T10:00:00Z', false, 'Christmas Day'],
    ['2025-12-26T10:00:00Z', false, 'Boxing Day'],
    ['2025-12-24T10:00:00Z', true, 'Christmas Eve'],
    ['2025-04-18T10:00:00Z', false, 'Good Friday (Atw art. 3 lid 2)'],
    ['2025-04-26T10:00:00Z', false, "King's Day on a Saturday"],
    ['2025-05-05T10:00:00Z', false, 'Liberation Day'],
    ['2025-05-29T10:00:00Z', false, 'Ascension Day'],
    ['2025-06-09T10:00:00Z', false, 'Whit Monday'],
    // The Dutch date decides, not the UTC date
    ['2025-06-15T22:30:00Z', false, 'Sunday in UTC, Monday 00:30 CEST'],
    ['2025-06-16T05:30:00Z', true, 'Monday 07:30 CEST'],
    ['2025-12-31T23:30:00Z', false, "New Year's Day 00:30 CET"],
    // Around the DST changes (last Sunday of March and of October)
    ['2025-03-29T06:00:00Z', true, 'Sat before spring change, 07:00 CET'],
    ['2025-03-29T19:00:00Z', false, 'Sat before spring change, 20:00 CET'],
    ['2025-03-31T04:59:00Z', false, 'Mon after spring change, 06:59 CEST'],
    ['2025-03-31T05:00:00Z', true, 'Mon after spring change, 07:00 CEST'],
    ['2025-10-25T17:59:59Z', true, 'Sat before autumn change, 19:59:59 CEST'],
    ['2025-10-25T18:00:00Z', false, 'Sat before autumn change, 20:00 CEST'],
    ['2025-10-27T05:59:59Z', false, 'Mon after autumn change, 06:59:59 CET'],
    ['2025-10-27T06:00:00Z', true, 'Mon after autumn change, 07:00 CET'],
  ])('%s → %s (%s)', (iso, expected) => {
    expect(isContactAllowed(at(iso))).toBe(expected);
  });

  it('honours a day equated by decree', () => {
    expect(isContactAllowed(at('2025-05-30T10:00:00Z'))).toBe(true);
    expect(isContactAllowed(at('2025-05-30T10:00:00Z'), ['2025-05-30'])).toBe(false);
  });
});

describe('nextContactMoment', () => {
  it.each([
    ['2025-06-17T10:15:30.250Z', '2025-06-17T10:15:30.250Z', 'already allowed: unchanged'],
    ['2025-06-17T03:00:00Z', '2025-06-17T05:00:00Z', 'Tue 05:00 CEST → 07:00 the same day'],
    ['2025-06-17T18:00:00Z', '2025-06-18T05:00:00Z', 'Tue 20:00 CEST → Wed 07:00'],
    ['2025-06-14T19:00:00Z', '2025-06-16T05:00:00Z', 'Sat 21:00 CEST → Mon 07:00'],
    ['2025-03-29T20:00:00Z', '2025-03-31T05:00:00Z', 'Sat 21:00 CET → Mon 07:00 CEST, across the spring change'],
    ['2025-03-30T01:30:00Z', '2025-03-31T05:00:00Z', 'Sun 03:30 CEST, just after the clocks jumped → Mon 07:00 CEST'],
    ['2025-03-30T23:30:00Z', '2025-03-31T05:00:00Z', 'Mon 01:30 CEST (Sunday in UTC) → Mon 07:00 CEST'],
    ['2025-10-25T19:00:00Z', '2025-10-27T06:00:00Z', 'Sat 21:00 CEST → Mon 07:00 CET, across the autumn change'],
    ['2025-10-26T00:30:00Z', '2025-10-27T06:00:00Z', 'Sun 02:30 CEST, the first of two 02:30s → Mon 07:00 CET'],
    ['2025-12-24T19:00:00Z', '2025-12-27T06:00:00Z', 'Wed 24 Dec 20:00 → Sat 27 Dec 07:00 (Christmas Thu/Fri)'],
    ['2026-12-24T20:00:00Z', '2026-12-28T06:00:00Z', 'Thu 24 Dec 2026 21:00 → Mon 28 (Christmas Fri/Sat, then Sunday)'],
    ['2025-12-31T23:30:00Z', '2026-01-02T06:00:00Z', "New Year's Day 00:30 → Fri 2 Jan 07:00"],
    ['2025-04-17T18:30:00Z', '2025-04-19T05:00:00Z', 'Thu 20:30 before Good Friday → Sat 07:00'],
    ['2025-04-19T18:00:00Z', '2025-04-22T05:00:00Z', 'Easter Saturday 20:00 → Tue 07:00 (Sunday, Easter Monday)'],
    ['2025-04-25T18:30:00Z', '2025-04-28T05:00:00Z', "Fri 20:30 before King's Day on Saturday → Mon 07:00"],
    ['2026-04-25T19:00:00Z', '2026-04-28T05:00:00Z', "Sat 21:00 before King's Day on Monday → Tue 07:00"],
    ['2025-05-28T19:00:00Z', '2025-05-30T05:00:00Z', 'Wed 21:00 before Ascension → Fri 07:00'],
  ])('%s → %s (%s)', (iso, expected) => {
    expect(nextContactMoment(at(iso))).toEqual(at(expected));
  });

  it('skips a Friday after Ascension equated by decree', () => {
    expect(nextContactMoment(at('2025-05-28T19:00:00Z'), ['2025-05-30']).toISOString()).toBe('2025-05-31T05:00:00.000Z');
  });

  it('returns a new Date, never the argument itself', () => {
    const instant = at('2025-06-17T10:00:00Z');
    expect(nextContactMoment(instant)).not.toBe(instant);
  });

  const wallClock = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  });

  it.each([
    ['spring change 2025', '2025-03-20T00:00:00Z', '2025-04-25T00:00:00Z'],
    ['autumn change 2025', '2025-10-18T00:00:00Z', '2025-11-03T00:00:00Z'],
    ['Christmas and New Year 2026', '2026-12-20T00:00:00Z', '2027-01-06T00:00:00Z'],
  ])('is the earliest allowed instant, every 20 minutes around the %s', (_label, fromIso, toIso) => {
    for (let t = Date.parse(fromIso); t < Date.parse(toIso); t += 20 * 60_000) {
      const instant = new Date(t);
      const next = nextContactMoment(instant);
      expect(isContactAllowed(next)).toBe(true);
      if (isContactAllowed(instant)) {
        expect(next.getTime()).toBe(t);
      } else {
        expect(next.getTime()).toBeGreaterThan(t);
        expect(wallClock.format(next)).toBe('07:00:00');
        expect(isContactAllowed(new Date(next.getTime() - 1))).toBe(false);
      }
    }
  });
});
