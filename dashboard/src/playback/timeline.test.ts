import { eventSpans, fraction, gapCrossed, gapsIn, mediaTimeOf, nextBufferedStart, placed, ticks, timeAt, viewAround, wallTimeOf } from './timeline';

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

  it('finds where a player stalled in a hole of its buffer should jump', () => {
    const buffered = [
      { start: 0, end: 60 },
      { start: 75, end: 130 },
    ];
    expect(nextBufferedStart(30, buffered)).toBeNull(); // playing inside footage
    expect(nextBufferedStart(59.9, buffered)).toBe(75); // at the end of a range, footage buffered past the hole
    expect(nextBufferedStart(65, buffered)).toBe(75);
    expect(nextBufferedStart(129.9, buffered)).toBeNull(); // nothing buffered further: the loader is still at work
  });

  it('tells the gap the wall clock jumped over, with its reason when known', () => {
    const gaps = [{ start: T + 60 * S, end: T + 120 * S, reason: 'camera offline' }];
    expect(gapCrossed(T + 59 * S, T + 60 * S, 1000, gaps)).toBeNull();
    expect(gapCrossed(T + 59.9 * S, T + 120.1 * S, 250, gaps)?.reason).toBe('camera offline');
    expect(gapCrossed(T + 200 * S, T + 260 * S, 250, gaps)).toEqual({ start: T + 200 * S, end: T + 260 * S });
  });
});

describe('eventSpans', () => {
  const at = (s: number) => new Date(Date.UTC(2026, 11, 2, 10, 0, s)).toISOString();
  const t = (s: number) => Date.UTC(2026, 11, 2, 10, 0, s);
  it('pairs each beginning with the next end of its kind, and runs an open one to the given end', () => {
    const spans = eventSpans(
      [
        { id: 1, kind: 'MOTION', active: true, reason: 'VideoSource/MotionAlarm', at: at(5) },
        { id: 2, kind: 'TAMPERING', active: true, at: at(8) },
        { id: 3, kind: 'MOTION', active: false, at: at(12) },
        { id: 4, kind: 'STATUS', status: 'OFFLINE', at: at(20) },
        { id: 5, kind: 'MOTION', active: true, at: at(30) },
      ],
      t(0),
      t(40),
    );
    expect(spans).toEqual([
      { kind: 'MOTION', start: t(5), end: t(12), reason: 'VideoSource/MotionAlarm' },
      { kind: 'TAMPERING', start: t(8), end: t(40), reason: undefined },
      { kind: 'MOTION', start: t(30), end: t(40), reason: undefined },
    ]);
  });
  it('an end whose beginning is before the range starts at the range', () => {
    expect(eventSpans([{ id: 1, kind: 'MOTION', active: false, at: at(3) }], t(0), t(10))).toEqual([
      { kind: 'MOTION', start: t(0), end: t(3), reason: undefined },
    ]);
  });
});
