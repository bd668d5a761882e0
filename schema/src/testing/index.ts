export {
  COLLECTION_NAMES,
  ConvergenceError,
  assertConverged,
  collectionOf,
  docSnapshot,
  ledgerSnapshot,
  syncDocs,
  type CollectionName,
  type LedgerSnapshot,
} from './convergence.js';
export { randomOperation, type LoggedWrite, type Operation } from './random-operations.js';
export { SeededRandom } from './seeded-random.js';
export { TestNetwork, type Replica, type TestNetworkOptions } from './test-network.js';
export {
  createInBatches,
  typicalLedger,
  typicalSetup,
  typicalTransactions,
  type TypicalSetup,
} from './typical-ledger.js';
