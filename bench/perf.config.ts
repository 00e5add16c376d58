// The repository's own perf job (`npm run perf`): gates the embedded models against baselines/.
import { perfgate } from 'perfgate/vitest'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  plugins: [
    perfgate({
      // reports for people (uploaded by .github/workflows/perf.yml); the Markdown summary also goes to the job summary
      html: '.perfgate/report.html',
      json: '.perfgate/results.json',
      csv: '.perfgate/results.csv',
      // set by perf.yml on the default branch only
      history: process.env.PERFGATE_HISTORY || undefined,
    }),
  ],
  test: {
    root: '.',
    include: ['bench/**/*.perf.test.ts'],
    testTimeout: 120_000,
  },
})
