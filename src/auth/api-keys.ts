import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../db/client';
import { ANONYMOUS, type Scope, type Viewer } from './viewer';

/**
 * API keys look like `ih_<prefix>_<secret>`. The prefix is public and finds the row; only a
 * SHA-256 hash of the whole key is stored, so a database leak reveals no usable key.
 */
const KEY_PATTERN = /^ih_([a-z0-9]{12})_([A-Za-z0-9_-]{32,64})$/;
const LAST_USED_RESOLUTION_MS = 60_000;

export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export function generateKey(): { key: string; prefix: string; secretHash: string } {
  const prefix = randomBytes(9).toString('base64url').toLowerCase().replace(/[^a-z0-9]/g, '0').slice(0, 12);
  const key = `ih_${prefix}_${randomBytes(32).toString('base64url')}`;
  return { key, prefix, secretHash: hashKey(key) };
}

/** The prefix alone is safe to log and to show in lists. */
export function keyPrefix(key: string): string | undefined {
  return KEY_PATTERN.exec(key)?.[1];
}

export function bearerToken(header: string | undefined): string | undefined {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return m?.[1];
}

export function parseScopes(text: string): Set<Scope> {
  return new Set(text.split(',').map((s) => s.trim()).filter((s): s is Scope => s === 'read' || s === 'write' || s === 'admin'));
}

/**
 * Resolves a presented key to a viewer. Unknown, malformed and revoked keys all yield
 * `undefined` the same way, so a caller learns nothing about which keys exist.
 */
export async function authenticate(db: Db, key: string, now: Date): Promise<Viewer | undefined> {
  const prefix = keyPrefix(key);
  if (!prefix) return undefined;
  const row = await db.apiKey.findUnique({ where: { prefix } });
  const presented = Buffer.from(hashKey(key), 'hex');
  const stored = Buffer.from(row?.secretHash ?? '0'.repeat(64), 'hex');
  const matches = timingSafeEqual(presented, stored);
  if (!row || !matches || row.revokedAt) return undefined;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    // Coarse on purpose: one write a minute per key, not one per request.
    await db.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  const scopes = parseScopes(row.scopes);
  switch (row.kind) {
    case 'CREDITOR':
      return row.creditorId ? { kind: 'CREDITOR', keyId: row.id, creditorId: row.creditorId, scopes } : undefined;
    case 'PARTNER':
      return row.partnerId ? { kind: 'PARTNER', keyId: row.id, partnerId: row.partnerId, scopes } : undefined;
    case 'STAFF':
      return { kind: 'STAFF', keyId: row.id, scopes };
  }
}

export async function viewerFromHeader(db: Db, header: string | undefined, now: Date): Promise<Viewer | 'INVALID'> {
  const token = bearerToken(header);
  if (header === undefined || header === '') return ANONYMOUS;
  if (!token) return 'INVALID';
  return (await authenticate(db, token, now)) ?? 'INVALID';
}
