// Worker threads do not inherit tsx's loader (the server runs its sources): register it, then load the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
const worker = await import('./libraryCheckWorker.ts');
export default worker.default;
