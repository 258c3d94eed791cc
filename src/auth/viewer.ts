/** Who is asking. Every request and socket has one, derived from its API key. */
export type Scope = 'read' | 'write' | 'admin';

export type Viewer =
  | { kind: 'ANONYMOUS' }
  | { kind: 'CREDITOR'; keyId: string; creditorId: string; scopes: ReadonlySet<Scope> }
  | { kind: 'PARTNER'; keyId: string; partnerId: string; scopes: ReadonlySet<Scope> }
  | { kind: 'STAFF'; keyId: string; scopes: ReadonlySet<Scope> };

export const ANONYMOUS: Viewer = { kind: 'ANONYMOUS' };

export function hasScope(viewer: Viewer, scope: Scope): boolean {
  return viewer.kind !== 'ANONYMOUS' && viewer.scopes.has(scope);
}

/** The actor recorded on timeline events for changes this viewer makes. */
export function actorOf(viewer: Viewer): { actorKind: 'CREDITOR' | 'PARTNER' | 'STAFF' | 'SYSTEM'; actorKeyId: string | null } {
  return viewer.kind === 'ANONYMOUS'
    ? { actorKind: 'SYSTEM', actorKeyId: null }
    : { actorKind: viewer.kind, actorKeyId: viewer.keyId };
}

export const SYSTEM_ACTOR = { actorKind: 'SYSTEM' as const, actorKeyId: null };
