export {
  assertConverged,
  COLLECTION_NAMES,
  type CollectionName,
  ConvergenceError,
  collectionOf,
  docSnapshot,
  type LedgerSnapshot,
  ledgerSnapshot,
  syncDocs,
} from './convergence.js';
export { type LoggedWrite, type Operation, randomOperation } from './random-operations.js';
export { SeededRandom } from './seeded-random.js';
export { type Replica, TestNetwork, type TestNetworkOptions } from './test-network.js';
export {
  createInBatches,
  type TypicalSetup,
  typicalLedger,
  typicalSetup,
  typicalTransactions,
} from './typical-ledger.js';
