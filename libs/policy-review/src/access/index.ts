export * from './access-diff';
export * from './access-diff-render';
export type { Grant } from './grant';
export { grantText } from './grant-text';
export type { Permit } from './permit';
export * from './permission-table';
