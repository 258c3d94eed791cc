import { authenticate, hashKey } from '../auth/api-keys';
import type { AppDeps } from '../context';
import { addDays, dutchDate } from '../domain/dates';
import { submitCase } from '../services/case-submit';
import type { CaseSubmitInput } from '../services/case-validation';
import { STATUTORY_INTEREST_RATES } from '../domain/interest-rates-seed';
import { toUtcDate } from '../domain/dates';
import type { Db } from './client';

/**
 * Reference data every installation needs: the published statutory interest rates.
 * Idempotent; rates staff added later are left alone.
 */
export async function seedReferenceData(db: Db): Promise<void> {
  await db.interestRate.createMany({
    data: STATUTORY_INTEREST_RATES.map((r) => ({
      kind: r.kind,
      effectiveFrom: toUtcDate(r.effectiveFrom),
      ratePercent: String(r.ratePercent),
    })),
    skipDuplicates: true,
  });
}

/**
 * Fixed, documented keys for the demo installation (development only, see README), so a
 * newcomer can paste the README's examples. Never enabled in production by default.
 */
export const DEMO_KEYS = {
  creditor: 'ih_democreditor_demo-creditor-key-for-local-use-only',
  staff: 'ih_demostaff000_demo-staff-key-for-local-use-only-000',
  partner: 'ih_demopartner0_demo-partner-key-for-local-use-only-00',
} as const;

const DEMO_CREDITOR_ID = 'demo-creditor';
const DEMO_PARTNER_ID = 'demo-partner';

/** Seeds a demo creditor, a sandbox partner, their keys and a few cases once; false when already there. */
export async function seedDemoData(deps: AppDeps): Promise<boolean> {
  const { db } = deps;
  if (await db.creditor.findUnique({ where: { id: DEMO_CREDITOR_ID } })) return false;
  await db.$transaction(async (tx) => {
    await tx.creditor.create({ data: { id: DEMO_CREDITOR_ID, name: 'Demo Webwinkel B.V.', vatDeductible: true } });
    await tx.partner.create({
      data: { id: DEMO_PARTNER_ID, name: 'Sandbox Inkasso GmbH', kind: 'COLLECTION_AGENCY', countries: 'DE,AT' },
    });
    const keys = [
      { key: DEMO_KEYS.creditor, kind: 'CREDITOR' as const, creditorId: DEMO_CREDITOR_ID, label: 'Demo creditor key' },
      { key: DEMO_KEYS.staff, kind: 'STAFF' as const, label: 'Demo staff key' },
      { key: DEMO_KEYS.partner, kind: 'PARTNER' as const, partnerId: DEMO_PARTNER_ID, label: 'Demo partner key' },
    ];
    for (const { key, ...rest } of keys) {
      await tx.apiKey.create({
        data: { ...rest, prefix: key.split('_')[1], secretHash: hashKey(key), scopes: 'read,write,admin' },
      });
    }
  });
  const viewer = await authenticate(db, DEMO_KEYS.creditor, deps.clock.now());
  for (const input of demoCases(dutchDate(deps.clock.now()))) await submitCase(deps, viewer!, input);
  return true;
}

/** Three debtors a newcomer can explore: a consumer, a business, and a consumer with two invoices. */
function demoCases(today: string): CaseSubmitInput[] {
  const daysAgo = (n: number) => addDays(today, -n);
  return [
    {
      creditorReference: 'DEMO-1001', currency: 'EUR',
      debtor: { kind: 'CONSUMER', name: 'Sanne de Boer', addressLine: 'Voorbeeldstraat 12', postalCode: '3511 AB', city: 'Utrecht', countryCode: 'NL', email: 'sanne@example.nl' },
      claims: [{ invoiceNumber: 'W-2026-0412', invoiceDate: daysAgo(60), dueDate: daysAgo(46), amount: '249.95', description: 'Bicycle repair' }],
    },
    {
      creditorReference: 'DEMO-1002', currency: 'EUR',
      debtor: { kind: 'BUSINESS', name: 'Bakkerij Van Dijk B.V.', addressLine: 'Marktplein 3', postalCode: '5611 AA', city: 'Eindhoven', countryCode: 'NL' },
      claims: [{ invoiceNumber: 'W-2026-0388', invoiceDate: daysAgo(75), dueDate: daysAgo(45), amount: '3120.00', description: 'Oven maintenance' }],
    },
    {
      creditorReference: 'DEMO-1003', currency: 'EUR',
      debtor: { kind: 'CONSUMER', name: 'Lukas Schneider', addressLine: 'Hauptstraße 5', postalCode: '40210', city: 'Düsseldorf', countryCode: 'DE', languageCode: 'de' },
      claims: [
        { invoiceNumber: 'W-2026-0301', invoiceDate: daysAgo(120), dueDate: daysAgo(106), amount: '89.00' },
        { invoiceNumber: 'W-2026-0355', invoiceDate: daysAgo(90), dueDate: daysAgo(76), amount: '149.50' },
      ],
    },
  ];
}
