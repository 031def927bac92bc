// Loaded with --import by the tests: writes the process's wall time, CPU time (worker threads
// included) and peak memory when it exits.
import { writeFileSync } from 'node:fs';

const started = process.hrtime.bigint();
process.on('exit', () => {
  const file = process.env.ITPS_MEASURE_FILE;
  if (file === undefined) return;
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const usage = process.resourceUsage();
  const cpuMs = Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000);
  writeFileSync(file, JSON.stringify({ ms: Math.round(ms), cpuMs, maxRssMb: Math.round(usage.maxRSS / 1024) }));
});
