import { z } from 'zod';
import { builder } from './builder';
import { UserErrorRef } from './user-errors';
import { findJob, JOBS, type JobDefinition } from '../jobs/registry';
import { runJob } from '../jobs/runner';
import type { UserError } from '../services/errors';

const JobRunStatusEnum = builder.enumType('JobRunStatus', {
  description: 'How a job run went.',
  values: {
    RUNNING: { description: 'Still running.' },
    SUCCEEDED: { description: 'Finished; see counts for what it did (per-item failures are counted there).' },
    FAILED: { description: 'Stopped by an error, or the instance running it stopped.' },
  } as const,
});

const JobTriggerEnum = builder.enumType('JobTrigger', {
  description: 'What started a run.',
  values: { SCHEDULE: { description: 'Its cron schedule.' }, MANUAL: { description: 'Staff, with jobRunTrigger.' } } as const,
});

builder.prismaNode('JobRun', {
  id: { field: 'id' },
  description: 'One run of a scheduled job.',
  authScopes: { staff: true },
  findUnique: (id, ctx) => (ctx.viewer.kind === 'STAFF' ? { id } : { id, job: { in: [] } }),
  fields: (t) => ({
    job: t.exposeString('job', { description: 'The job’s name.' }),
    trigger: t.expose('trigger', { type: JobTriggerEnum, description: 'What started it.' }),
    status: t.expose('status', { type: JobRunStatusEnum, description: 'How it went.' }),
    instance: t.exposeString('instance', { description: 'The process that ran it (host:pid).' }),
    startedAt: t.expose('startedAt', { type: 'DateTime', description: 'When it started.' }),
    finishedAt: t.expose('finishedAt', { type: 'DateTime', nullable: true, description: 'When it ended.' }),
    counts: t.string({ nullable: true, description: 'What it did, as a JSON object of counts, e.g. {"REMINDER_SENT":12,"FAILED":1}.', resolve: (r) => (r.counts === null ? null : JSON.stringify(r.counts)) }),
    error: t.exposeString('error', { nullable: true, description: 'Why it failed, when it did.' }),
  }),
});

const JobRef = builder.objectRef<JobDefinition>('Job').implement({
  description: 'A scheduled job. With several instances, exactly one runs it at a time (a MySQL named lock).',
  authScopes: { staff: true },
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Its name, for jobRunTrigger.' }),
    description: t.exposeString('description', { description: 'What it does.' }),
    schedule: t.exposeString('schedule', { description: 'Cron expression, Europe/Amsterdam time.' }),
    runs: t.prismaField({
      type: ['JobRun'],
      description: 'Its latest runs, newest first.',
      args: { last: t.arg.int({ required: false, defaultValue: 10, description: 'How many, 1 to 100.', validate: z.number().int().min(1).max(100) }) },
      resolve: (query, job, { last }, ctx) => ctx.db.jobRun.findMany({ ...query, where: { job: job.name }, orderBy: { startedAt: 'desc' }, take: last ?? 10 }),
    }),
  }),
});

builder.queryField('jobs', (t) =>
  t.field({
    type: [JobRef],
    description: 'Staff: the scheduled jobs and their recent runs.',
    authScopes: { staff: true },
    resolve: () => [...JOBS],
  }),
);

const JobErrorCodeEnum = builder.enumType('JobErrorCode', {
  description: 'Why a job could not be started.',
  values: {
    UNKNOWN_JOB: { description: 'No job has this name.' },
    ALREADY_RUNNING: { description: 'It is running right now (here or on another instance).' },
  } as const,
});

type JobErrorShape = UserError<'UNKNOWN_JOB' | 'ALREADY_RUNNING'>;

const JobErrorRef = builder.objectRef<JobErrorShape>('JobError').implement({
  description: 'Why a job could not be started.',
  interfaces: [UserErrorRef],
  authScopes: { staff: true },
  fields: (t) => ({ code: t.expose('code', { type: JobErrorCodeEnum, description: 'The reason.' }) }),
});

const JobRunPayload = builder.objectRef<{ runId: string | null; errors: JobErrorShape[] }>('JobRunPayload').implement({
  description: 'The finished run, or why it did not start.',
  authScopes: { staff: true },
  fields: (t) => ({
    run: t.prismaField({
      type: 'JobRun', nullable: true, description: 'The run, finished.',
      resolve: (query, p, _a, ctx) => (p.runId ? ctx.db.jobRun.findUnique({ ...query, where: { id: p.runId } }) : null),
    }),
    errors: t.field({ type: [JobErrorRef], description: 'Why it did not start; empty when it ran.', resolve: (p) => p.errors }),
  }),
});

const JobRunTriggerInput = builder.inputType('JobRunTriggerInput', {
  description: 'The job to run now.',
  fields: (t) => ({ job: t.string({ required: true, description: 'The job’s name, e.g. "advance-cases".' }) }),
});

builder.mutationField('jobRunTrigger', (t) =>
  t.field({
    type: JobRunPayload,
    description: 'Staff: runs a job now, under the same lock as its schedule, and answers when it has finished.',
    authScopes: { $all: { staff: true, write: true } },
    args: { input: t.arg({ type: JobRunTriggerInput, required: true, description: 'Which job.' }) },
    resolve: async (_r, { input }, ctx) => {
      const job = findJob(input.job);
      if (!job) return { runId: null, errors: [{ code: 'UNKNOWN_JOB' as const, field: ['input', 'job'], message: `No job named ${input.job}; see the jobs query.` }] };
      const outcome = await runJob(ctx, job, 'MANUAL');
      return 'runId' in outcome
        ? { runId: outcome.runId, errors: [] }
        : { runId: null, errors: [{ code: 'ALREADY_RUNNING' as const, field: ['input', 'job'], message: `${job.name} is running right now; look at its runs.` }] };
    },
  }),
);
