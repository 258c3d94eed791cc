import { InterestKind, InterestRate } from './interest';

export interface SeedInterestRate extends InterestRate {
  /** False where the rate is marked [check]: to be confirmed against the Staatscourant. */
  confirmed: boolean;
}

type SeedRow = [effectiveFrom: string, ratePercent: string, confirmed?: false];

const CONSUMER: SeedRow[] = [
  ['2012-01-01', '4'],
  ['2012-07-01', '3'],
  ['2013-01-01', '3'],
  ['2013-03-16', '3'],
  ['2013-07-01', '3'],
  ['2014-01-01', '3'],
  ['2014-07-01', '3'],
  ['2015-01-01', '2'],
  ['2016-07-01', '2'],
  ['2023-01-01', '4'],
  ['2023-07-01', '6'],
  ['2024-01-01', '7'],
  ['2024-07-01', '7'],
  ['2025-01-01', '6'],
  ['2025-07-01', '6', false],
  ['2026-01-01', '4', false],
];

const COMMERCIAL: SeedRow[] = [
  ['2012-01-01', '8.00'],
  ['2012-07-01', '8.00'],
  ['2013-01-01', '7.75'],
  ['2013-03-16', '8.75'],
  ['2013-07-01', '8.50'],
  ['2014-01-01', '8.25'],
  ['2014-07-01', '8.15'],
  ['2015-01-01', '8.05'],
  ['2016-07-01', '8.00'],
  ['2023-01-01', '10.50'],
  ['2023-07-01', '12.00'],
  ['2024-01-01', '12.50'],
  ['2024-07-01', '12.25'],
  ['2025-01-01', '11.15'],
  ['2025-07-01', '10.15'],
  ['2026-01-01', '10.15', false],
];

/**
 * The statutory rates known when the hub was built, to seed the rate table. The
 * rules read rates from that table only; new rates are added there, not here.
 */
export const STATUTORY_INTEREST_RATES: readonly SeedInterestRate[] = [
  ...seedRows('CONSUMER', CONSUMER),
  ...seedRows('COMMERCIAL', COMMERCIAL),
];

function seedRows(kind: InterestKind, rows: SeedRow[]): SeedInterestRate[] {
  return rows.map(([effectiveFrom, ratePercent, confirmed = true]) => ({
    kind,
    effectiveFrom,
    ratePercent,
    confirmed,
  }));
}
