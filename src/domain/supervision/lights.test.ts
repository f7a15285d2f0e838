import { describe, expect, it } from 'vitest';
import { lightOf, periodFor, plannedProgress, reportLate, reportPeriods, type LightInput } from './lights.js';

const task = (over: Partial<LightInput> = {}): LightInput => ({ state: 'in_progress', startDate: '2024-01-01', dueDate: '2024-12-31', milestones: [], percent: 0, cadence: null, reportedPeriods: [], ...over });

describe('lights', () => {
  it('red when past due and not done', () => {
    expect(lightOf(task({ dueDate: '2024-06-30' }), '2024-07-02')).toMatchObject({ light: 'red', daysLeft: -2 });
  });
  it('done once completed, whatever the date', () => {
    expect(lightOf(task({ dueDate: '2024-06-30', state: 'done' }), '2024-07-02').light).toBe('done');
  });
  it('blue within 7 days of the due date', () => {
    expect(lightOf(task({ dueDate: '2024-06-30' }), '2024-06-23').light).toBe('blue');
    expect(lightOf(task({ dueDate: '2024-06-30' }), '2024-06-22').light).toBe('green');
  });
  it('yellow when the reported progress is behind the milestones planned by today', () => {
    const milestones = [{ plannedDate: '2024-03-31', weight: 30 }, { plannedDate: '2024-09-30', weight: 70 }];
    expect(lightOf(task({ milestones, percent: 20 }), '2024-04-01')).toMatchObject({ light: 'yellow', planned: 30 });
    expect(lightOf(task({ milestones, percent: 30 }), '2024-04-01').light).toBe('green');
  });
  it('yellow when a monthly report is past its deadline (the 5th of the next month)', () => {
    expect(lightOf(task({ cadence: 'monthly' }), '2024-02-05').light).toBe('green');
    expect(lightOf(task({ cadence: 'monthly' }), '2024-02-06')).toMatchObject({ light: 'yellow', overdueReports: ['2024-01'] });
    expect(lightOf(task({ cadence: 'monthly', reportedPeriods: ['2024-01'] }), '2024-02-06').light).toBe('green');
  });
  it('quarterly periods and their deadlines', () => {
    expect(reportPeriods('quarterly', '2024-02-10', '2024-07-01')).toEqual([
      { period: '2024Q1', deadline: '2024-04-05' },
      { period: '2024Q2', deadline: '2024-07-05' },
      { period: '2024Q3', deadline: '2024-10-05' },
    ]);
  });
  it('a report given up to the 5th is for the period before', () => {
    expect([periodFor('monthly', '2024-03-04'), periodFor('monthly', '2024-03-06'), periodFor('quarterly', '2024-04-05'), periodFor('monthly', '2024-01-02')]).toEqual(['2024-02', '2024-03', '2024Q1', '2023-12']);
  });
  it('a report after its deadline is late', () => {
    expect([reportLate('monthly', '2024-02', '2024-03-05'), reportLate('monthly', '2024-02', '2024-03-06'), reportLate('quarterly', '2024Q4', '2025-01-06')]).toEqual([false, true, true]);
  });
  it('planned progress weighs the milestones due by today', () => {
    expect(plannedProgress([{ plannedDate: '2024-03-31', weight: 1 }, { plannedDate: '2024-06-30', weight: 2 }], '2024-06-30')).toBe(100);
    expect(plannedProgress([], '2024-06-30')).toBeNull();
  });
});
