import { hashKey } from '../auth/api-keys';
import { STATUTORY_INTEREST_RATES } from '../domain/interest-rates-seed';
import { toUtcDate } from '../domain/dates';
import type { Db } from './client';

/**
 * Reference data every installation needs: the statutory interest rates of DOMAIN.md.
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

/** Seeds a demo creditor, a sandbox partner and their keys once; returns false when already there. */
export async function seedDemoData(db: Db): Promise<boolean> {
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
  return true;
}
