import { randomUUID } from 'node:crypto';
import { generateKey } from '../../src/auth/api-keys';
import type { Db } from '../../src/db/client';

/** Small seed factories: each call makes a fresh, unique row with sensible defaults. */
export async function createCreditor(db: Db, data: { name?: string; vatDeductible?: boolean } = {}) {
  return db.creditor.create({ data: { name: data.name ?? `Creditor ${randomUUID().slice(0, 8)}`, vatDeductible: data.vatDeductible ?? true } });
}

export async function createPartner(db: Db, data: { name?: string; countries?: string } = {}) {
  return db.partner.create({
    data: { name: data.name ?? `Partner ${randomUUID().slice(0, 8)}`, kind: 'COLLECTION_AGENCY', countries: data.countries ?? 'DE' },
  });
}

type KeyOwner = { kind: 'CREDITOR'; creditorId: string } | { kind: 'PARTNER'; partnerId: string } | { kind: 'STAFF' };

/** Creates an API key and returns the plain key (as a client would hold it). */
export async function createKey(db: Db, owner: KeyOwner, scopes = 'read,write'): Promise<{ key: string; id: string }> {
  const { key, prefix, secretHash } = generateKey();
  const row = await db.apiKey.create({ data: { ...owner, prefix, secretHash, scopes, label: 'test key' } });
  return { key, id: row.id };
}

/** A creditor with a read/write key, the usual starting point of a test. */
export async function creditorWithKey(db: Db, data: { vatDeductible?: boolean } = {}) {
  const creditor = await createCreditor(db, data);
  const { key } = await createKey(db, { kind: 'CREDITOR', creditorId: creditor.id });
  return { creditor, key };
}
