/**
 * Bounds the password checks running at once (argon2id takes 64 MiB and ~100 ms each). A few run,
 * a short queue waits, and beyond it a login is refused at once (E1010) instead of queueing hashes
 * for clients that have long gone; a queued check whose client has hung up is skipped.
 */
import { AppError } from '../../../domain/errors.js';

export class HashGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly concurrency: number,
    private readonly queue: number,
  ) {}

  async run<T>(fn: () => Promise<T>, gone: () => boolean = () => false): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.queue) throw new AppError('E1010');
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else this.running++;
    try {
      if (gone()) throw new AppError('E1008');
      return await fn();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
