import fc from 'fast-check';

// FC_SEED pins every property to one seed (for Stryker and for reproducing a failure);
// FC_RUNS scales every property's number of runs. fast-check prints the seed and path on failure.
const seed = process.env.FC_SEED;
const runs = process.env.FC_RUNS;
fc.configureGlobal({
  ...fc.readConfigureGlobal(),
  ...(seed !== undefined && seed !== '' ? { seed: Number(seed) } : {}),
  ...(runs !== undefined && runs !== '' ? { numRuns: Number(runs) } : {}),
});
