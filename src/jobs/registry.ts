import type { AppDeps } from '../context';
import { advanceDueCases } from '../services/workflow';

/** A scheduled job: a cron schedule (Europe/Amsterdam) and the work, which lives in services. */
export type JobDefinition = {
  name: string;
  description: string;
  schedule: string;
  run: (deps: AppDeps, now: Date) => Promise<Record<string, number>>;
};

export const JOBS: readonly JobDefinition[] = [
  {
    name: 'advance-cases',
    description: 'Moves cases forward when something is due: the 14-day term ran out, a reminder is due, an instalment is late.',
    // Every 15 minutes between 07:00 and 19:45 on weekdays and Saturdays: letters and reminders
    // then never go out in the hours the conduct rules forbid contact (20:00-07:00, Sundays).
    schedule: '*/15 7-19 * * 1-6',
    run: (deps, now) => advanceDueCases(deps, now),
  },
];

export function findJob(name: string): JobDefinition | undefined {
  return JOBS.find((j) => j.name === name);
}
