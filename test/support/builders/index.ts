/** Typed test-data builders: make what a test needs instead of finding it in the demo. */
export * from './divisions.js';
export * from './facilities.js';
export * from './favourites.js';
export * from './reports.js';
export * from './sessions.js';
export { createTestActor, createTestUser, testPassword, type TestUser } from './users.js';
export * from './files.js';
export * from './evaluation.js';
export * from './projects.js';
