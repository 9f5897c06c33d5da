import { fraction, gapsIn, mediaTimeOf, placed, ticks, timeAt, viewAround, wallTimeOf } from './timeline';

const T = Date.parse('2026-11-24T10:00:00Z');
const S = 1000;

describe('timeline', () => {
  const view = { start: T, end: T + 100 * S };

  it('maps time to position and back', () => {
    expect(fraction(T + 25 * S, view)).toBe(0.25);
    expect(timeAt(0.25, view)).toBe(T + 25 * S);
    expect(timeAt(2, view)).toBe(view.end);
  });

  it('finds the gaps between recorded ranges, not the future', () => {
    const ranges = [
      { start: T + 10 * S, end: T + 30 * S },
      { start: T + 50 * S, end: T + 60 * S },
    ];
    expect(gapsIn(ranges, view, T + 80 * S)).toEqual([
      { start: T, end: T + 10 * S },
      { start: T + 30 * S, end: T + 50 * S },
      { start: T + 60 * S, end: T + 80 * S },
    ]);
  });

  it('places spans clipped to the view in percent', () => {
    expect(placed([{ start: T - 50 * S, end: T + 50 * S }, { start: T + 200 * S, end: T + 300 * S }], view)).toEqual([
      { left: 0, width: 50, span: { start: T - 50 * S, end: T + 50 * S } },
    ]);
  });

  it('maps wall clock to media time through PROGRAM-DATE-TIME, skipping holes', () => {
    const fragments = [
      { start: 0, duration: 60, programDateTime: T },
      { start: 60, duration: 60, programDateTime: T + 120 * S }, // a minute without footage before it
    ];
    expect(mediaTimeOf(T + 30 * S, fragments)).toBe(30);
    expect(mediaTimeOf(T + 90 * S, fragments)).toBe(60); // in the hole: the next footage
    expect(mediaTimeOf(T + 150 * S, fragments)).toBe(90);
    expect(mediaTimeOf(T + 999 * S, fragments)).toBeNull();
    expect(wallTimeOf(90, fragments)).toBe(T + 150 * S);
  });

  it('never shows a view past now and gives round ticks', () => {
    const v = viewAround(T, 6, T + 60 * S); // 5 minutes around T, but now is a minute after T
    expect(v.end).toBe(T + 60 * S);
    expect(v.end - v.start).toBe(5 * 60 * S);
    const marks = ticks(v);
    expect(marks.length).toBeGreaterThan(2);
    expect(marks.every((m) => m >= v.start && m <= v.end)).toBe(true);
  });
});
