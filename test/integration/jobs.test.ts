import mysql from 'mysql2/promise';
import { startTestApp, type TestApp } from '../support/harness';
import { createKey, creditorWithKey } from '../support/factories';
import { dbId, submit } from '../support/cases';

const TRIGGER = 'mutation($job: String!) { jobRunTrigger(input: { job: $job }) { errors { code message } run { job trigger status counts error } } }';

describe('scheduled jobs', () => {
  let app: TestApp;
  let staff: string;
  let creditorKey: string;
  beforeEach(async () => {
    app = await startTestApp({ now: '2026-03-02T10:00:00Z' });
    staff = (await createKey(app.db, { kind: 'STAFF' }, 'read,write,admin')).key;
    creditorKey = (await creditorWithKey(app.db)).key;
  });
  afterEach(() => app.stop());

  it('staff run a job by hand; the run is recorded with what it did, and one bad case does not stop the others', async () => {
    const good = (await submit(app, creditorKey)).case!;
    const bad = (await submit(app, creditorKey)).case!;
    await app.db.communication.deleteMany({ where: { caseId: dbId(bad.id) } }); // its letter is gone: advancing it fails
    app.clock.set('2026-03-19T09:00:00Z');

    const res = (await app.gql(TRIGGER, { job: 'advance-cases' }, staff)).body.data.jobRunTrigger;
    expect(res.errors).toEqual([]);
    expect(res.run).toMatchObject({ job: 'advance-cases', trigger: 'MANUAL', status: 'SUCCEEDED', error: null });
    expect(JSON.parse(res.run.counts)).toMatchObject({ WIK_TERM_EXPIRED: 1, FAILED: 1 });
    expect((await app.db.case.findUniqueOrThrow({ where: { id: dbId(good.id) } })).status).toBe('REMINDERS');
    expect((await app.db.case.findUniqueOrThrow({ where: { id: dbId(bad.id) } })).status).toBe('WIK_NOTICE');

    const listed = (await app.gql('{ jobs { name schedule runs { status trigger } } }', {}, staff)).body.data.jobs;
    expect(listed).toEqual([{ name: 'advance-cases', schedule: '*/15 7-19 * * 1-6', runs: [{ status: 'SUCCEEDED', trigger: 'MANUAL' }] }]);
  });

  it('runs a job on one instance at a time: a held lock means ALREADY_RUNNING', async () => {
    const u = new URL(app.deps.config.database.url);
    const other = await mysql.createConnection({ host: u.hostname, port: Number(u.port || 3306), user: u.username || 'root', database: u.pathname.slice(1) });
    try {
      await other.query('SELECT GET_LOCK(?, 0)', [`incasso_hub_job:advance-cases.${app.deps.config.database.name}`]);
      const res = (await app.gql(TRIGGER, { job: 'advance-cases' }, staff)).body.data.jobRunTrigger;
      expect(res.errors[0].code).toBe('ALREADY_RUNNING');
      expect(await app.db.jobRun.count()).toBe(0);
    } finally {
      await other.end();
    }
    expect((await app.gql(TRIGGER, { job: 'advance-cases' }, staff)).body.data.jobRunTrigger.run.status).toBe('SUCCEEDED');
  });

  it('marks a run left RUNNING by a stopped instance as failed', async () => {
    await app.db.jobRun.create({ data: { job: 'advance-cases', trigger: 'SCHEDULE', status: 'RUNNING', instance: 'gone:1', startedAt: new Date('2026-03-01T10:00:00Z') } });
    await app.gql(TRIGGER, { job: 'advance-cases' }, staff);
    const stale = await app.db.jobRun.findFirstOrThrow({ where: { instance: 'gone:1' } });
    expect(stale).toMatchObject({ status: 'FAILED', error: expect.stringMatching(/interrupted/) });
  });

  it('does nothing at night: no debtor contact between 20:00 and 07:00', async () => {
    await submit(app, creditorKey);
    app.clock.set('2026-03-19T20:30:00Z'); // 21:30 in Amsterdam
    const res = (await app.gql(TRIGGER, { job: 'advance-cases' }, staff)).body.data.jobRunTrigger;
    expect(JSON.parse(res.run.counts)).toMatchObject({ WIK_TERM_EXPIRED: 0 });
  });

  it('knows no other job, and shows jobs to staff only', async () => {
    expect((await app.gql(TRIGGER, { job: 'nope' }, staff)).body.data.jobRunTrigger.errors[0].code).toBe('UNKNOWN_JOB');
    expect((await app.gql('{ jobs { name } }', {}, creditorKey)).body.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });
});
