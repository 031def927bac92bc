// Worker threads do not inherit tsx's loader (tests run the sources): register it, then load the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
const worker = await import('./sweepWorker.ts');
export default worker.default;
