/**
 * `perfgate serve` as a user runs it: a real process (the built bin), its URL printed, a streamed
 * request answered, a clean stop on SIGINT and SIGTERM with a request in flight (exit 0), and its
 * usage errors. The served API itself is tested in test/integration/serve.test.ts.
 */
import { createServer } from 'node:net'
import { describe, expect, it } from 'vitest'
import { startServeProcess } from '../helpers/serve-process.js'
import { ROOT, runCli, STACK_LINE } from './run-cli.js'

const BIN = 'bin/perfgate.js'

describe('perfgate serve', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`prints its URL, streams, and on ${signal} ends the request in flight and exits 0`, async () => {
      const serve = await startServeProcess(BIN, ['bench/models/tiny-gpt', '--port', '0', '--delay-per-token-ms', '100'], ROOT)
      expect(serve.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/)
      const res = await fetch(`${serve.url}/chat/completions`, {
        method: 'POST',
        body: JSON.stringify({ model: 'tiny-gpt', messages: [{ role: 'user', content: 'Hi' }], stream: true, max_tokens: 200, ignore_eos: true }),
      })
      expect(res.status).toBe(200)
      const reader = res.body!.getReader()
      await reader.read()
      const { code, stdout, stderr } = await serve.stop(signal)
      let rest = ''
      for (let r = await reader.read(); !r.done; r = await reader.read()) rest += new TextDecoder().decode(r.value)
      expect(rest).toContain('"code":"server_shutdown"')
      expect(rest.endsWith('data: [DONE]\n\n')).toBe(true)
      expect(code).toBe(0)
      expect(stdout).toBe(`Serving tiny-gpt at ${serve.url} (POST /chat/completions, /completions; GET /models). Ctrl+C stops.\n`)
      expect(stderr).toBe(`perfgate: ${signal}: stopping the server\n`)
    })
  }

  it('names the address and the fix when the port is taken', async () => {
    const blocker = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const port = (blocker.address() as { port: number }).port
    try {
      const r = await runCli(['serve', '--port', String(port)])
      expect(r.code).toBe(1)
      expect(r.stderr).toContain(`perfgate serve cannot listen on 127.0.0.1:${port}: listen EADDRINUSE`)
      expect(r.stderr).toContain('Choose another port with --port N (--port 0 picks a free one)')
      expect(r.stderr).not.toMatch(STACK_LINE)
    } finally {
      blocker.close()
    }
  })

  it('refuses bad flags with exit 2', async () => {
    expect((await runCli(['serve', '--port', '70000'])).code).toBe(2)
    expect((await runCli(['serve', '--delay-per-token-ms', 'slow'])).stderr).toContain("--delay-per-token-ms expects a number > 0, got 'slow'")
    expect((await runCli(['serve', 'a', 'b'])).stderr).toContain('serve takes one model, got 2: a b')
    const missing = await runCli(['serve', 'no/such/folder', '--port', '0'])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('no/such/folder')
  })
})

describe('perfgate load <URL> against perfgate serve', () => {
  it('prints the per-level table with goodput, closed and open loop; exits 1 when no level meets the SLO', async () => {
    const serve = await startServeProcess(BIN, ['--port', '0'], ROOT)
    try {
      const common = ['load', serve.url, '--model', 'tiny-gpt', '--prompts', 'bench/prompts.txt', '--max-new-tokens', '4', '--duration', '300']
      const closed = await runCli([...common, '--concurrency', '1,2', '--slo-ttft-ms', '60000'])
      expect(closed.code, closed.stderr).toBe(0)
      expect(closed.stdout).toMatch(/^concurrency +requests +req\/s .* output tokens\/s +TTFT p50 ms +TTFT p95 ms +TPOT p50 ms +TPOT p95 ms +good\/s +SLO$/m)
      expect(closed.stdout).toContain('SLO 90% of requests with TTFT <= 60000 ms, errors <= 0%')
      expect(closed.stdout).toMatch(/^Sustainable: concurrency \d, goodput /m)

      // no request's TTFT is below a microsecond: no level meets the SLO, and the command fails
      const open = await runCli([...common, '--rate', '4,8', '--slo-ttft-ms', '0.001'])
      expect(open.code).toBe(1)
      expect(open.stdout).toMatch(/^offered req\/s +concurrency +requests/m)
      expect(open.stdout).toContain('No level is sustainable under the SLO.')

      const both = await runCli([...common, '--rate', '4', '--concurrency', '2'])
      expect(both.code).toBe(1)
      expect(both.stderr).toContain('either concurrency (closed loop) or rate (open loop), not both')
      expect((await runCli(['load', serve.url, '--prompts', 'bench/prompts.txt'])).stderr).toContain('needs --model NAME')
    } finally {
      await serve.stop()
    }
  })
})
