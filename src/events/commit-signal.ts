/**
 * "Something just committed": services ring this after a transaction, so the publisher looks at
 * the timeline at once instead of at its next poll. Keyed by database client, because a test
 * process can run several hubs side by side; losing a ring costs only latency.
 */
const listeners = new WeakMap<object, Set<() => void>>();

export function onCommitted(db: object, listener: () => void): () => void {
  let set = listeners.get(db);
  if (!set) listeners.set(db, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

export function notifyCommitted(db: object): void {
  for (const listener of listeners.get(db) ?? []) listener();
}
