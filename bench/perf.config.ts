// The repository's own perf job (`npm run perf`): gates the embedded models against baselines/.
import { perfgate } from 'perfgate/vitest'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  plugins: [
    perfgate({
      // 20% rather than the default 10%: this job runs on shared 2-core machines
      tolerance: { default: '20%' },
    }),
  ],
  test: {
    root: '.',
    include: ['bench/**/*.perf.test.ts'],
    testTimeout: 120_000,
  },
})
