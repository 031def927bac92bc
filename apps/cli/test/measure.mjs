// Loaded with --import by the tests: writes the process's wall time and peak memory when it exits.
import { writeFileSync } from 'node:fs';

const started = process.hrtime.bigint();
process.on('exit', () => {
  const file = process.env.ITPS_MEASURE_FILE;
  if (file === undefined) return;
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  writeFileSync(
    file,
    JSON.stringify({ ms: Math.round(ms), maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }),
  );
});
