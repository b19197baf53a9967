import { defineConfig } from 'vitest/config';

/**
 * The container suite (`npm run test:containers`, which starts the engine and builds the images first):
 * the harness' container backend, plus existing scenarios run unchanged with OVN_SDK_RUNTIME=container.
 * Files run one after another: each starts several containers on a small machine.
 */
export default defineConfig({
  test: {
    include: ['test/containers/**/*.test.ts', 'test/integration/kube/scenario.test.ts'],
    env: { OVN_SDK_RUNTIME: 'container', TESTCONTAINERS_RYUK_DISABLED: 'true' },
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
