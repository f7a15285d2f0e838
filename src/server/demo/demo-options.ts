/** The options of the demo data set and the years it covers. */

export interface DemoOptions {
  seed: number;
}

export const DEFAULT_DEMO_OPTIONS: Readonly<DemoOptions> = Object.freeze({ seed: 1 });

export const DEMO_YEARS = [2021, 2022, 2023, 2024];
