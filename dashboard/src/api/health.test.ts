import { fetchHealth, interpretHealth } from './health';

describe('interpretHealth', () => {
  it('reads an UP service with its components', () => {
    expect(interpretHealth(200, { status: 'UP', components: { db: { status: 'UP' } } })).toEqual({
      state: 'UP',
      components: { db: 'UP' },
    });
  });

  it('names the failing dependency of a DOWN service', () => {
    const health = interpretHealth(503, {
      status: 'DOWN',
      components: { db: { status: 'UP' }, redis: { status: 'DOWN' } },
    });
    expect(health).toEqual({ state: 'DOWN', components: { db: 'UP', redis: 'DOWN' }, failing: ['redis'] });
  });

  it('treats an answer without a status as unreachable', () => {
    expect(interpretHealth(502, undefined)).toEqual({ state: 'UNREACHABLE', reason: 'HTTP 502' });
  });
});

describe('fetchHealth', () => {
  it('reports a network failure as unreachable instead of throwing', async () => {
    const failing = (() => Promise.reject(new Error('connection refused'))) as unknown as typeof fetch;
    await expect(fetchHealth('api', failing)).resolves.toEqual({ state: 'UNREACHABLE', reason: 'connection refused' });
  });
});
