import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          // tests/architecture reads the source only, so it runs with the unit tests.
          include: ['lib/**/*.test.ts', 'scripts/**/*.test.ts', 'components/**/*.test.ts', 'tests/architecture/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          sequence: { groupOrder: 1 },
        },
      },
      {
        // Journeys in real Chromium with the built extension; one browser at a time on 2 cores.
        test: {
          name: 'browser',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/firefox/**', 'tests/architecture/**'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
      {
        // The same journeys' core in Firefox ESR with the Firefox build (npm run build:firefox), over
        // WebDriver BiDi; after the Chromium ones, never beside them.
        test: {
          name: 'firefox',
          include: ['tests/firefox/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
