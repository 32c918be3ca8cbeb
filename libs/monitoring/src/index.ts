export { PSI_EPSILON, populationStabilityIndex } from './drift/psi';
export { kolmogorovSmirnov, kolmogorovQ, type KsResult } from './drift/ks';
