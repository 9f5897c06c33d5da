import { ZOOMS } from '../playback/timeline';
import { usePlayback } from './playback';

const NOW = Date.parse('2026-11-24T10:00:00Z');
const MIN = 60_000;

describe('playback store', () => {
  beforeEach(() => usePlayback.setState({ cameraIds: [], loaded: null, speed: 1, selection: null, playhead: null }));

  it('loads a range: the view shows all of it, the playhead starts at its start, the selection is the range', () => {
    usePlayback.getState().load({ start: NOW - 5 * MIN, end: NOW }, NOW);
    const s = usePlayback.getState();
    expect(ZOOMS[s.zoom].name).toBe('5m');
    expect(s.view.start).toBeLessThanOrEqual(NOW - 5 * MIN);
    expect(s.view.end).toBeGreaterThanOrEqual(NOW);
    expect(s.playhead).toBe(NOW - 5 * MIN);
    expect(s.selection).toEqual({ start: NOW - 5 * MIN, end: NOW });
  });

  it('refuses a range that ends before it starts', () => {
    expect(() => usePlayback.getState().load({ start: NOW, end: NOW }, NOW)).toThrow();
  });

  it('plays up to four cameras, each once', () => {
    const s = usePlayback.getState();
    ['a', 'b', 'b', 'c', 'd', 'e'].forEach((id) => usePlayback.getState().addCamera(id));
    expect(usePlayback.getState().cameraIds).toEqual(['a', 'b', 'c', 'd']);
    s.removeCamera(1);
    expect(usePlayback.getState().cameraIds).toEqual(['a', 'c', 'd']);
  });

  it('takes only the offered speeds', () => {
    usePlayback.getState().setSpeed(16);
    expect(usePlayback.getState().speed).toBe(16);
    usePlayback.getState().setSpeed(3);
    expect(usePlayback.getState().speed).toBe(1);
  });

  it('loads around a scrubbed time outside the loaded range without reaching past now', () => {
    const r = usePlayback.getState().rangeFor(NOW - 2 * MIN, NOW);
    expect(r.end).toBe(NOW);
    expect(r.start).toBeLessThan(NOW - 2 * MIN);
  });

  it('zooms around a time from a month down to seconds', () => {
    usePlayback.getState().zoomTo(0, NOW - 40 * 24 * 60 * MIN, NOW);
    expect(usePlayback.getState().view.end - usePlayback.getState().view.start).toBe(ZOOMS[0].span);
    usePlayback.getState().zoomTo(99, NOW - MIN, NOW);
    const v = usePlayback.getState().view;
    expect(v.end - v.start).toBe(10_000);
    expect(v.start).toBeLessThanOrEqual(NOW - MIN);
    expect(v.end).toBeGreaterThanOrEqual(NOW - MIN);
  });
});
