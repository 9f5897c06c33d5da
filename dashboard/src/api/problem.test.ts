import { quotaFull, toProblem } from './problem';

describe('problems', () => {
  it('keeps title, detail and the other members of a problem body', () => {
    const p = toProblem(429, { status: 429, title: 'Too Many Requests', detail: 'METRO has 8 of 8', scope: 'agency', limit: 8, active: 8, agency: 'METRO' });
    expect(p).toMatchObject({ status: 429, title: 'Too Many Requests', detail: 'METRO has 8 of 8' });
    expect(quotaFull(p)).toEqual({ scope: 'agency', limit: 8, active: 8, agency: 'METRO' });
  });

  it('is not a full quota without the numbers or with another status', () => {
    expect(quotaFull(toProblem(429, { title: 'Too Many Requests' }))).toBeNull();
    expect(quotaFull(toProblem(404, { limit: 1, active: 1 }))).toBeNull();
  });
});
