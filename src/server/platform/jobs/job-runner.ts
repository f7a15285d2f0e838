/**
 * The job runner: every node polls the job table and runs what it claims (job.repository.ts:
 * a row lock, so exactly one node runs each job); a recurring kind schedules its next run when
 * one finishes. Schedules are on fixed slots (the day's 01:00 UTC, the minute), so every node
 * computes the same next run and the table's unique key keeps one row. Nothing lives only in one
 * process's memory: a restarted node finds the table as it was, and a job whose node died is
 * claimed again after its lease.
 */
import { hostname } from 'node:os';
import type { Clock } from '../clock.js';
import type { Store } from '../db/store.js';
import type { Job } from './job.repository.js';

export interface JobKind {
  kind: string;
  /** Slot length in minutes: 1440 runs daily at 01:00 UTC (09:00 Beijing), 1 every minute. */
  everyMinutes: number;
  run(now: Date): Promise<string>;
}

const LEASE_MINUTES = 30;
/** Finished runs are kept this long (what ran, when, on which node, with what result). */
const KEEP_DAYS = 7;

/** The first slot of `everyMinutes` at or after `at` (a daily job's slot is 01:00 UTC). */
export function nextSlot(at: Date, everyMinutes: number): string {
  const offset = everyMinutes >= 1440 ? 60 : 0;
  const step = everyMinutes * 60_000;
  const base = Math.ceil((at.getTime() - offset * 60_000) / step) * step + offset * 60_000;
  return new Date(base).toISOString();
}

export class JobRunner {
  private readonly kinds = new Map<string, JobKind>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  readonly node = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private log: (line: string) => void = () => {},
  ) {}

  setLogger(log: (line: string) => void): void {
    this.log = log;
  }

  register(kind: JobKind): void {
    this.kinds.set(kind.kind, kind);
  }

  get registered(): string[] {
    return [...this.kinds.keys()];
  }

  /** Makes sure every recurring kind has its next run in the table (idempotent, on every node). */
  async ensureScheduled(): Promise<void> {
    const now = this.clock.now();
    for (const k of this.kinds.values()) {
      // A daily job's slot today, even if 01:00 has passed: a fresh store runs it at once.
      if (!(await this.store.repos.jobs.hasOpen(k.kind))) await this.store.repos.jobs.schedule(k.kind, k.everyMinutes >= 1440 ? `${now.toISOString().slice(0, 10)}T01:00:00.000Z` : nextSlot(now, k.everyMinutes));
    }
  }

  /** Claims and runs due jobs until none is due; answers the jobs this node ran. */
  async runDue(): Promise<Job[]> {
    const ran: Job[] = [];
    for (;;) {
      const now = this.clock.now();
      const job = await this.store.repos.jobs.claim(this.node, now.toISOString(), new Date(now.getTime() - LEASE_MINUTES * 60_000).toISOString());
      if (!job) return ran;
      const kind = this.kinds.get(job.kind);
      try {
        if (!kind) throw new Error(`no handler for job kind ${job.kind}`);
        const result = await kind.run(now);
        await this.store.repos.jobs.finish(job.id, this.node, 'done', this.clock.now().toISOString(), { result });
        this.log(`任务 ${job.kind} 已完成 / job ${job.kind} (${job.runAt}) done on ${this.node}: ${result}`);
      } catch (e) {
        await this.store.repos.jobs.finish(job.id, this.node, 'failed', this.clock.now().toISOString(), { error: String((e as Error).message ?? e) });
        this.log(`任务 ${job.kind} 失败 / job ${job.kind} (${job.runAt}) failed on ${this.node}: ${(e as Error).message}`);
      }
      if (kind) {
        await this.store.repos.jobs.schedule(kind.kind, nextSlot(new Date(Math.max(Date.parse(job.runAt), now.getTime()) + 1000), kind.everyMinutes));
        await this.store.repos.jobs.pruneFinished(kind.kind, new Date(now.getTime() - KEEP_DAYS * 86_400_000).toISOString());
      }
      ran.push(job);
    }
  }

  /** Polls every `seconds` (GTCM_JOB_POLL_SECONDS); a tick that is still running is not started twice. */
  start(seconds: number): void {
    if (this.timer || seconds <= 0) return;
    const tick = () => {
      if (this.running) return;
      this.running = this.ensureScheduled()
        .then(() => this.runDue())
        .catch((e: Error) => this.log(`任务轮询出错 / job poll failed: ${e.message}`))
        .finally(() => (this.running = null));
    };
    this.timer = setInterval(tick, seconds * 1000);
    this.timer.unref();
    tick();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
