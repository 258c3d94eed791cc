import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { GraphQLError, Kind, parse, print, visit, type ASTVisitor, type DefinitionNode, type DocumentNode, type FragmentDefinitionNode, type ValidationContext } from 'graphql';
import type { RequestHandler } from 'express';

/** Limits the number of aliased fields, so one request cannot fan one field out a thousand times. */
export function maxAliasesRule(max: number) {
  return (context: ValidationContext): ASTVisitor => {
    let aliases = 0;
    return {
      Field(node) {
        if (node.alias && ++aliases === max + 1) {
          context.reportError(new GraphQLError(`The operation uses more than ${max} aliases; split it into several requests.`, { nodes: [node] }));
        }
      },
    };
  };
}

/**
 * The registered operations: every operation in schema/operations/*.graphql, printed on its own
 * with the fragments it uses, keyed by the sha256 of that text (the hash clients send as
 * `extensions.persistedQuery.sha256Hash`).
 */
export function loadOperationRegistry(dir = path.resolve(__dirname, '../../schema/operations')): Map<string, string> {
  const definitions: DefinitionNode[] = readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .flatMap((f) => parse(readFileSync(path.join(dir, f), 'utf8')).definitions);
  const fragments = new Map(definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  const registry = new Map<string, string>();
  for (const op of definitions) {
    if (op.kind !== Kind.OPERATION_DEFINITION) continue;
    const text = print({ kind: Kind.DOCUMENT, definitions: [op, ...fragmentsUsed(op, fragments)] } as DocumentNode);
    registry.set(sha256(text), text);
  }
  return registry;
}

function fragmentsUsed(node: DefinitionNode, all: Map<string, FragmentDefinitionNode>, seen = new Set<string>()): FragmentDefinitionNode[] {
  const found: FragmentDefinitionNode[] = [];
  visit(node, {
    FragmentSpread(spread) {
      const name = spread.name.value;
      if (seen.has(name) || !all.has(name)) return;
      seen.add(name);
      found.push(all.get(name)!, ...fragmentsUsed(all.get(name)!, all, seen));
    },
  });
  return found;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Resolves `extensions.persistedQuery.sha256Hash` to a registered operation. In allowlist mode
 * only registered operations run: anything else is refused before it is parsed.
 */
export function persistedOperations(registry: Map<string, string>, allowlistOnly: boolean): RequestHandler {
  return (req, res, next) => {
    const body = req.body as { query?: unknown; extensions?: { persistedQuery?: { sha256Hash?: unknown } } } | undefined;
    if (req.method !== 'POST' || !body || typeof body !== 'object') return next();
    const hash = body.extensions?.persistedQuery?.sha256Hash;
    if (typeof hash === 'string' && body.query === undefined) {
      const text = registry.get(hash);
      if (!text) return refuse(res, 'PERSISTED_QUERY_NOT_FOUND', `No registered operation has the hash ${hash.slice(0, 16)}….`);
      body.query = text;
      delete body.extensions!.persistedQuery;
    }
    if (allowlistOnly && (typeof body.query !== 'string' || !isRegistered(registry, body.query))) {
      return refuse(res, 'OPERATION_NOT_REGISTERED', 'This server only runs registered operations (schema/operations); send one of them or its sha256 hash.');
    }
    next();
  };
}

function refuse(res: Parameters<RequestHandler>[1], code: string, message: string): void {
  res.status(400).json({ errors: [{ message, extensions: { code } }] });
}

/** Whether a query text is one of the registered operations (compared as printed, so layout does not matter). */
export function isRegistered(registry: Map<string, string>, query: string): boolean {
  let printed: string;
  try {
    printed = print(parse(query));
  } catch {
    return false;
  }
  return registry.has(sha256(printed));
}
