/** The builders moved to builders/ (one file per kind); this path keeps working. */
export * from './builders/index.js';
