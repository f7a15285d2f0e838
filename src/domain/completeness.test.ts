import { describe, expect, it } from 'vitest';
import { completeEnough, completenessLevel, completenessRate } from './completeness.js';

describe('completeness levels', () => {
  it('a figure with at least the threshold of its reports stands on its own', () => {
    expect(completenessLevel(0.8, 0.8)).toBe('enough');
    expect(completenessLevel(1, 0.8)).toBe('enough');
  });

  it('below the threshold it is partial, below half of it insufficient', () => {
    expect(completenessLevel(0.79, 0.8)).toBe('partial');
    expect(completenessLevel(0.4, 0.8)).toBe('partial');
    expect(completenessLevel(0.39, 0.8)).toBe('insufficient');
    expect(completenessLevel(4 / 661_860, 0.8)).toBe('insufficient');
  });

  it('nothing expected is a rate of 0, not a division by zero', () => {
    expect(completenessRate(0, 0)).toBe(0);
    expect(completenessRate(3, 4)).toBe(0.75);
  });
});

describe('a period complete enough for figure pages', () => {
  it('is one with the threshold reached, before or after its deadline', () => {
    expect(completeEnough(0.85, false, 0.8)).toBe(true);
    expect(completeEnough(0.85, true, 0.8)).toBe(true);
  });

  it('is one past its deadline with at least half the threshold', () => {
    expect(completeEnough(0.5, true, 0.8)).toBe(true);
    expect(completeEnough(0.5, false, 0.8)).toBe(false);
  });

  it('is never one with a handful of reports, deadline or not', () => {
    expect(completeEnough(4 / 661_860, true, 0.8)).toBe(false);
  });
});
