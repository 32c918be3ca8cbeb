import { randomBytes } from 'node:crypto';

/**
 * Runs before each test file (jest `setupFiles`): its own BullMQ queue prefix (ATTEST_QUEUE_PREFIX), which
 * the test app and every process a test starts inherit, so that test files running side by side on one
 * Redis (jest workers) never take each other's jobs or rate-limit budgets.
 */
process.env.ATTEST_QUEUE_PREFIX ??= `attest-test-${randomBytes(4).toString('hex')}`;
