/** Injection token for the validated AttestConfig. */
export const ATTEST_CONFIG = Symbol('ATTEST_CONFIG');
