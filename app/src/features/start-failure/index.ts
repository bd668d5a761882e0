export { StartFailure } from './StartFailure.js';
export { type StartFailureKind, startFailureOf } from './start-failure.js';
