import { LAYOUT_KINDS, LAYOUTS, resize, useLayout } from './layout';

describe('layout store', () => {
  beforeEach(() => {
    localStorage.clear();
    useLayout.setState({ kind: '2x2', tiles: [null, null, null, null], full: null });
  });

  it('offers the six layouts with their tile counts', () => {
    expect(LAYOUT_KINDS).toEqual(['1x1', '2x2', '3x3', '4x4', '1+5', '1+7']);
    expect(LAYOUT_KINDS.map((k) => LAYOUTS[k].tiles)).toEqual([1, 4, 9, 16, 6, 8]);
  });

  it('keeps cameras in their tiles when the layout grows and drops those that no longer fit', () => {
    const s = useLayout.getState();
    s.assign(0, 'a');
    s.assign(3, 'd');
    s.setKind('3x3');
    expect(useLayout.getState().tiles).toEqual(['a', null, null, 'd', null, null, null, null, null]);
    useLayout.getState().setKind('1x1');
    expect(useLayout.getState().tiles).toEqual(['a']);
    expect(resize(['a', 'b'], 3)).toEqual(['a', 'b', null]);
  });

  it('places a picked camera in the first empty tile, and refuses when all are taken', () => {
    const s = useLayout.getState();
    s.assign(0, 'a');
    expect(s.place('b')).toBe(true);
    expect(useLayout.getState().tiles).toEqual(['a', 'b', null, null]);
    s.place('c');
    s.place('d');
    expect(useLayout.getState().place('e')).toBe(false);
  });

  it('saves layouts per user and restores them', () => {
    const s = useLayout.getState();
    s.setKind('1+5');
    s.assign(0, 'big');
    s.save('alice', 'morning');
    s.setKind('2x2');
    s.assign(0, 'other');
    expect(Object.keys(useLayout.getState().saved('alice'))).toEqual(['morning']);
    expect(useLayout.getState().saved('bob')).toEqual({});
    useLayout.getState().restore('alice', 'morning');
    expect(useLayout.getState().kind).toBe('1+5');
    expect(useLayout.getState().tiles).toEqual(['big', null, null, null, null, null]);
    useLayout.getState().remove('alice', 'morning');
    expect(useLayout.getState().saved('alice')).toEqual({});
  });

  it('ignores a stored layout it cannot read', () => {
    localStorage.setItem('cctv.layouts.alice', '{"x":{"kind":"9x9","tiles":[]}, "y": "nonsense"}');
    expect(useLayout.getState().saved('alice')).toEqual({});
  });
});
