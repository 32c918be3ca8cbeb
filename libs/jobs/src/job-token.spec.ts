import type { JobQueue } from './job-queue';
import { defineJob } from './job-token';

describe('defineJob', () => {
  it('gives the token its queue name', () => {
    expect(defineJob<{ n: number }>('spec.token').queue).toBe('spec.token');
  });

  it('refuses a queue already defined, and an invalid queue name', () => {
    defineJob('spec.twice');
    expect(() => defineJob('spec.twice')).toThrow('Job queue "spec.twice" is defined twice');
    expect(() => defineJob('no spaces')).toThrow(/queue name/);
  });

  it('types enqueue by the token (checked by `npm run typecheck`)', () => {
    const token = defineJob<{ n: number }>('spec.typed');
    const typed = (jobs: JobQueue) => [
      jobs.enqueue(token, { n: 1 }),
      // @ts-expect-error a queue name is not a token: every queue is defined by its owner
      jobs.enqueue('spec.typed', { n: 1 }),
      // @ts-expect-error the payload must be the token's
      jobs.enqueue(token, { m: 1 }),
      // @ts-expect-error so must each payload of a batch
      jobs.enqueueMany(token, [{ data: { n: 'one' } }]),
    ];
    expect(typed).toBeInstanceOf(Function);
  });
});
