import { ApiKeysDocument, CaseAuditDocument, CreateApiKeyDocument, RegisterCreditorDocument, RevokeApiKeyDocument } from '../../src/generated/operations';
import { hashKey } from '../../src/auth/api-keys';
import { startTestApp, type TestApp } from '../support/harness';
import { createKey, creditorWithKey } from '../support/factories';
import { submit } from '../support/cases';

describe('API keys', () => {
  let app: TestApp;
  let staff: string;
  beforeEach(async () => {
    app = await startTestApp();
    staff = (await createKey(app.db, { kind: 'STAFF' }, 'read,write,admin')).key;
  });
  afterEach(() => app.stop());

  it('staff register a creditor and issue its key; the secret is shown once and stored only as a hash', async () => {
    const creditor = (await app.gql(RegisterCreditorDocument, { input: { name: 'Fietsenwinkel Jansen', vatDeductible: false } }, staff)).body.data!.creditorRegister.creditor!;
    const issued = (await app.gql(CreateApiKeyDocument, { input: { label: 'ERP', kind: 'CREDITOR', scopes: ['READ', 'WRITE'], creditorId: creditor.id } }, staff)).body.data!.apiKeyCreate;
    expect(issued.errors).toEqual([]);
    expect(issued.secret).toMatch(/^ih_[a-z0-9]{12}_/);
    expect(issued.apiKey).toMatchObject({ label: 'ERP', kind: 'CREDITOR', scopes: ['READ', 'WRITE'], prefix: issued.secret!.split('_')[1] });

    const row = await app.db.apiKey.findUniqueOrThrow({ where: { prefix: issued.apiKey!.prefix } });
    expect(row.secretHash).toBe(hashKey(issued.secret!));
    expect(JSON.stringify(row)).not.toContain(issued.secret!.split('_').slice(2).join('_')); // the secret part (it may itself contain _)

    const me = await app.gql('{ viewer { kind creditor { name } } }', {}, issued.secret!);
    expect(me.body.data.viewer).toEqual({ kind: 'CREDITOR', creditor: { name: 'Fietsenwinkel Jansen' } });
    const listed = (await app.gql(ApiKeysDocument, {}, staff)).body.data!.apiKeys.edges.map((e) => e.node);
    expect(listed.find((k) => k.prefix === issued.apiKey!.prefix)).not.toHaveProperty('secret');
    expect((await app.db.apiKey.findUniqueOrThrow({ where: { id: row.id } })).lastUsedAt).not.toBeNull();
  });

  it('a creditor admin key manages its own creditor’s keys only, never granting more than it has', async () => {
    const a = await creditorWithKey(app.db);
    const adminA = (await createKey(app.db, { kind: 'CREDITOR', creditorId: a.creditor.id }, 'read,write,admin')).key;
    const b = await creditorWithKey(app.db);
    const creditorB = Buffer.from(`Creditor:${b.creditor.id}`).toString('base64');
    const creditorA = Buffer.from(`Creditor:${a.creditor.id}`).toString('base64');

    const own = (await app.gql(CreateApiKeyDocument, { input: { label: 'portal', kind: 'CREDITOR', scopes: ['READ'], creditorId: creditorA } }, adminA)).body.data!.apiKeyCreate;
    expect(own.errors).toEqual([]);
    const foreign = (await app.gql(CreateApiKeyDocument, { input: { label: 'x', kind: 'CREDITOR', scopes: ['READ'], creditorId: creditorB } }, adminA)).body.data!.apiKeyCreate;
    expect(foreign.errors[0]).toMatchObject({ code: 'NOT_ALLOWED', field: ['input', 'creditorId'] });
    const staffKey = (await app.gql(CreateApiKeyDocument, { input: { label: 'x', kind: 'STAFF', scopes: ['READ'] } }, adminA)).body.data!.apiKeyCreate;
    expect(staffKey.errors[0].code).toBe('NOT_ALLOWED');

    const readOnly = own.secret!;
    const escalate = await app.gql(CreateApiKeyDocument, { input: { label: 'x', kind: 'CREDITOR', scopes: ['ADMIN'], creditorId: creditorA } }, readOnly);
    expect(escalate.body.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(escalate.body.data?.apiKeyCreate ?? null).toBeNull();
    const keysOfA = (await app.gql(ApiKeysDocument, {}, adminA)).body.data!.apiKeys.edges.map((e) => e.node.creditor?.name);
    expect(new Set(keysOfA)).toEqual(new Set([a.creditor.name]));
  });

  it('a read-only key cannot change anything', async () => {
    const { creditor } = await creditorWithKey(app.db);
    const reader = (await createKey(app.db, { kind: 'CREDITOR', creditorId: creditor.id }, 'read')).key;
    const res = await app.gql('mutation { caseSubmit(input: { creditorReference: "R1", debtor: { kind: CONSUMER, name: "X", countryCode: "NL" }, claims: [{ invoiceNumber: "1", invoiceDate: "2026-01-01", dueDate: "2026-01-15", amount: "10.00" }] }) { errors { code } } }', {}, reader);
    expect(res.body.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(await app.db.case.count()).toBe(0);
  });

  it('a revoked key fails on its very next request', async () => {
    const { key } = await creditorWithKey(app.db);
    expect((await app.gql('{ viewer { kind } }', {}, key)).status).toBe(200);
    const row = await app.db.apiKey.findUniqueOrThrow({ where: { prefix: key.split('_')[1] } });
    const revoked = (await app.gql(RevokeApiKeyDocument, { input: { apiKeyId: Buffer.from(`ApiKey:${row.id}`).toString('base64') } }, staff)).body.data!.apiKeyRevoke;
    expect(revoked.errors).toEqual([]);
    expect(revoked.apiKey?.revokedAt).toBeTruthy();
    const after = await app.gql('{ viewer { kind } }', {}, key);
    expect(after.status).toBe(401);
    const again = (await app.gql(RevokeApiKeyDocument, { input: { apiKeyId: Buffer.from(`ApiKey:${row.id}`).toString('base64') } }, staff)).body.data!.apiKeyRevoke;
    expect(again.errors[0].code).toBe('ALREADY_REVOKED');
  });

  it('keeps an audit trail: which key did what to a case, readable by the owning creditor and staff', async () => {
    const { key } = await creditorWithKey(app.db);
    const c = (await submit(app, key)).case!;
    const audit = async (k: string) => ((await app.gql(CaseAuditDocument, { id: c.id }, k)).body.data!.node as any).timeline.edges.map((e: any) => e.node);
    const prefix = key.split('_')[1];
    for (const events of [await audit(key), await audit(staff)]) {
      expect(events[0]).toMatchObject({ type: 'CASE_SUBMITTED', actorKind: 'CREDITOR', actorKey: { prefix, label: 'test key' } });
    }
  });
});
