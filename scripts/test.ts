/**
 * `npm test`: every runner in one go (vitest projects `int` and `e2e`), then one plain line with the
 * totals so a log reader sees the count at a glance.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rounds-test-')), 'report.json')
const args = ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)]
const result = spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } })

let passed = 0
let failed = 0
let skipped = 0
try {
  const json = JSON.parse(fs.readFileSync(report, 'utf8'))
  passed = json.numPassedTests ?? 0
  failed = (json.numFailedTests ?? 0) + (json.numFailedTestSuites && !json.numFailedTests ? json.numFailedTestSuites : 0)
  skipped = (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0)
} catch {
  failed = Math.max(failed, 1)
}
const code = result.status ?? 1
if (code !== 0 && failed === 0) failed = 1
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
process.exit(code)
