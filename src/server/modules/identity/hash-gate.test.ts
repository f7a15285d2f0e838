import { describe, expect, it } from 'vitest';
import { AppError } from '../../../domain/errors.js';
import { HashGate } from './hash-gate.js';

/** A task that finishes when told to, recording how many run at once. */
function tasks() {
  let running = 0;
  let peak = 0;
  const release: (() => void)[] = [];
  const task = () =>
    new Promise<void>((resolve) => {
      running++;
      peak = Math.max(peak, running);
      release.push(() => {
        running--;
        resolve();
      });
    });
  return { task, release, peak: () => peak };
}

const settle = () => new Promise((r) => setImmediate(r));

describe('HashGate', () => {
  it('runs at most `concurrency` tasks at once and the queued ones after', async () => {
    const gate = new HashGate(2, 10);
    const t = tasks();
    const all = Array.from({ length: 5 }, () => gate.run(t.task));
    for (let i = 0; i < 5; i++) {
      await settle();
      t.release.shift()?.();
    }
    await Promise.all(all);
    expect(t.peak()).toBe(2);
  });

  it('refuses at once with E1010 when the queue is full', async () => {
    const gate = new HashGate(1, 2);
    const t = tasks();
    const held = [gate.run(t.task), gate.run(t.task), gate.run(t.task)];
    await expect(gate.run(t.task)).rejects.toMatchObject({ code: 'E1010' });
    for (let i = 0; i < 3; i++) {
      await settle();
      t.release.shift()?.();
    }
    await Promise.all(held);
  });

  it('skips a queued task whose client has gone (E1008) without running it', async () => {
    const gate = new HashGate(1, 2);
    const t = tasks();
    const first = gate.run(t.task);
    let ran = false;
    const skipped = gate.run(async () => {
      ran = true;
    }, () => true);
    await settle();
    t.release.shift()!();
    await first;
    await expect(skipped).rejects.toBeInstanceOf(AppError);
    expect(ran).toBe(false);
  });
});
