/** supervision (督导调度): work plans from policy texts, tasks handed down the hierarchy, progress and lights, rectification closed only when verified, the inbox (我的待办), and the jobs that remind and escalate. */
import type { ServerModule } from '../../platform/registry.js';
import { notifyReReviewsDue } from './due-dates.job.js';
import { InboxService } from './inbox.service.js';
import { PlanService } from './plan.service.js';
import { RectService } from './rect.service.js';
import { registerSupervisionRoutes } from './supervision.routes.js';
import { SupervisionRepository } from './supervision.repository.js';
import { TaskService } from './task.service.js';
import { loadSupervisionDemo } from './supervision.demo.js';

declare module '../../platform/registry.js' {
  interface Repositories {
    supervision: SupervisionRepository;
  }
  interface Services {
    supervisionPlans: PlanService;
    supervisionTasks: TaskService;
    rectification: RectService;
    inbox: InboxService;
  }
}

export const supervision: ServerModule = {
  name: 'supervision',
  repositories: (db) => ({ supervision: new SupervisionRepository(db) }),
  services: ({ config, store, metadata, services, clock }) => {
    const tasks = new TaskService(store, services.audit, clock, services.notifications, services.analytics, metadata, config.limits.evidenceBytes);
    const plans = new PlanService(store, services.audit, clock, tasks, config.programsDir);
    const rectification = new RectService(store, services.audit, clock, services.notifications, services.analytics, metadata, config.limits.evidenceBytes);
    const inbox = new InboxService(store, services, services.notifications);
    const days = config.supervision.escalateDays;
    services.jobs.register({ kind: 'supervision.escalate', everyMinutes: 1440, run: async () => `escalated ${await tasks.escalateDue(days)}` });
    services.jobs.register({ kind: 'supervision.remind', everyMinutes: 1440, run: async () => `notified ${await tasks.remindDue()}` });
    services.jobs.register({ kind: 'evaluation.rereview-due', everyMinutes: 1440, run: async () => `notified ${await notifyReReviewsDue(store, services.notifications, clock)}` });
    services.jobs.register({ kind: 'notify.outbound', everyMinutes: 1, run: async () => `sent ${await services.notifications.sendOutbound()}` });
    return { supervisionPlans: plans, supervisionTasks: tasks, rectification, inbox };
  },
  demo: ({ services, store, clock }, { seed, progress }) => loadSupervisionDemo(services, store, clock, seed, progress),
  routes: registerSupervisionRoutes,
};
