#!/usr/bin/env node
// The `kubeplay` command. The command line is TypeScript; tsx compiles it on the fly, so `npx kubeplay`
// works in a fresh clone after `npm ci` with no build step.
import { register } from 'tsx/esm/api'

register()
const { main } = await import('./main.ts')
process.exitCode = await main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  stdin: async () => {
    const chunks = []
    for await (const chunk of process.stdin) chunks.push(chunk)
    return Buffer.concat(chunks).toString('utf8')
  },
})
