import type { JobHandler } from './job-handler';
import { JobHandlerRegistry } from './job-handler.registry';

const handler = (queue: string): JobHandler => ({ queue, handle: async () => undefined });

describe('JobHandlerRegistry', () => {
  it('finds the handler of a queue', () => {
    const registry = new JobHandlerRegistry();
    const one = handler('one');
    registry.register(one);
    expect(registry.handlerFor('one')).toBe(one);
    expect(registry.handlerFor('two')).toBeUndefined();
  });

  it('refuses a second handler for the same queue and an invalid queue name', () => {
    const registry = new JobHandlerRegistry();
    registry.register(handler('one'));
    expect(() => registry.register(handler('one'))).toThrow(/already registered/);
    expect(() => registry.register(handler('no spaces'))).toThrow(/queue name/);
  });

  it('tells a listener about the handlers registered before and after it subscribed', () => {
    const registry = new JobHandlerRegistry();
    registry.register(handler('early'));
    const seen: string[] = [];
    registry.forEachHandler((h) => seen.push(h.queue));
    registry.register(handler('late'));
    expect(seen).toEqual(['early', 'late']);
  });
});
