/** Progress reports from long tasks; the CLI draws them as a bar, tests ignore them. */
export type Progress = (step: string, done: number, total: number) => void;
export const noProgress: Progress = () => {};
