import { guardTransactionWork } from '../../src/database/transaction-runner.js';

// Every test app's transaction runner fails work that reads through the root manager.
guardTransactionWork();
