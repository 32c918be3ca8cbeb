import { Foundation1764057600000 } from './1764057600000-Foundation';

/** Every migration, in order. Listed explicitly so the same list runs from source and from dist. */
export const MIGRATIONS = [Foundation1764057600000];
