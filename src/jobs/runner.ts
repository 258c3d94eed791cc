import { hostname } from 'node:os';
import cron, { type ScheduledTask } from 'node-cron';
import type { AppDeps } from '../context';
import { describeFault } from '../logger';
import { JOBS, type JobDefinition } from './registry';
import { withNamedLock } from './named-lock';

const INSTANCE = `${hostname()}:${process.pid}`;

export type JobOutcome = { runId: string } | { alreadyRunning: true };

/**
 * Runs a job once under its named lock and records the run. The lock name carries the database
 * name: named locks are server-wide, and two installations may share a MySQL server. A RUNNING row found while holding
 * the lock belongs to a process that died mid-run: it is marked FAILED, so nothing looks busy forever.
 */
export async function runJob(deps: AppDeps, job: JobDefinition, trigger: 'SCHEDULE' | 'MANUAL'): Promise<JobOutcome> {
  const held = await withNamedLock(deps.config.database.url, `incasso_hub_job:${job.name}.${deps.config.database.name}`, async () => {
    const startedAt = deps.clock.now();
    await deps.db.jobRun.updateMany({
      where: { job: job.name, status: 'RUNNING' },
      data: { status: 'FAILED', finishedAt: startedAt, error: 'interrupted: the instance running it stopped' },
    });
    const run = await deps.db.jobRun.create({ data: { job: job.name, trigger, status: 'RUNNING', instance: INSTANCE, startedAt } });
    try {
      const counts = await job.run(deps, startedAt);
      await deps.db.jobRun.update({ where: { id: run.id }, data: { status: 'SUCCEEDED', finishedAt: deps.clock.now(), counts } });
      deps.logger.info({ job: job.name, runId: run.id, counts }, 'job finished');
    } catch (err) {
      const fault = describeFault(err);
      await deps.db.jobRun.update({ where: { id: run.id }, data: { status: 'FAILED', finishedAt: deps.clock.now(), error: String(fault.message ?? fault.name).slice(0, 1000) } });
      deps.logger.error({ job: job.name, runId: run.id, fault }, 'job failed');
    }
    return run.id;
  });
  return held ? { runId: held.value } : { alreadyRunning: true };
}

/** Starts every job on its schedule; returns the function that stops them. */
export function startScheduler(deps: AppDeps): () => Promise<void> {
  const tasks: ScheduledTask[] = JOBS.map((job) =>
    cron.schedule(job.schedule, () => runJob(deps, job, 'SCHEDULE'), { name: job.name, timezone: 'Europe/Amsterdam', noOverlap: true }),
  );
  return async () => {
    await Promise.all(tasks.map((t) => t.stop()));
  };
}
