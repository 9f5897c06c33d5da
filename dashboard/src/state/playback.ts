import { create } from 'zustand';
import { viewAround, ZOOMS, type Span, type View } from '../playback/timeline';

export const SPEEDS = [0.5, 1, 2, 4, 8, 16] as const;
export const MAX_SYNCED = 4;
const MINUTE = 60_000;

interface PlaybackState {
  /** The cameras played together; the first one drives the clock and the timeline. */
  cameraIds: string[];
  /** The range whose playlists are loaded. */
  loaded: Span | null;
  view: View;
  zoom: number;
  speed: number;
  /** The wall-clock time the first camera shows. */
  playhead: number | null;
  /** The range to export. */
  selection: Span | null;
  setCamera: (index: number, id: string) => void;
  addCamera: (id: string) => void;
  removeCamera: (index: number) => void;
  /** Loads a range: the view follows it. */
  load: (range: Span, now?: number) => void;
  /** The range to load to play a time outside the loaded one: ten minutes before it to twenty after, not past now. */
  rangeFor: (time: number, now?: number) => Span;
  setSpeed: (speed: number) => void;
  setPlayhead: (time: number | null) => void;
  zoomTo: (zoom: number, center: number, now?: number) => void;
  pan: (by: number, now?: number) => void;
  setSelection: (s: Span | null) => void;
}

export const usePlayback = create<PlaybackState>((set, get) => ({
  cameraIds: [],
  loaded: null,
  view: viewAround(Date.now(), 4, Date.now()),
  zoom: 4,
  speed: 1,
  playhead: null,
  selection: null,
  setCamera: (index, id) =>
    set((s) => {
      const ids = [...s.cameraIds];
      ids[index] = id;
      return { cameraIds: ids.filter(Boolean).filter((c, i, all) => all.indexOf(c) === i).slice(0, MAX_SYNCED) };
    }),
  addCamera: (id) =>
    set((s) => (s.cameraIds.includes(id) || s.cameraIds.length >= MAX_SYNCED ? s : { cameraIds: [...s.cameraIds, id] })),
  removeCamera: (index) => set((s) => ({ cameraIds: s.cameraIds.filter((_, i) => i !== index) })),
  load: (range, now = Date.now()) => {
    if (!(range.end > range.start)) throw new Error('the end must be after the start');
    const span = range.end - range.start;
    // The closest zoom step that shows the whole range.
    const zoom = ZOOMS.reduce((best, z, i) => (z.span >= span ? i : best), 0);
    const view = viewAround((range.start + range.end) / 2, zoom, Math.max(now, range.end));
    set({ loaded: range, view, zoom, playhead: range.start, selection: range });
  },
  rangeFor: (time, now = Date.now()) => {
    const end = Math.min(now, time + 20 * MINUTE);
    return { start: Math.min(time, end - MINUTE) - 10 * MINUTE, end };
  },
  setSpeed: (speed) => set({ speed: (SPEEDS as readonly number[]).includes(speed) ? speed : 1 }),
  setPlayhead: (playhead) => set({ playhead }),
  zoomTo: (zoom, center, now = Date.now()) => {
    const z = Math.min(ZOOMS.length - 1, Math.max(0, zoom));
    set({ zoom: z, view: viewAround(center, z, Math.max(now, get().loaded?.end ?? now)) });
  },
  pan: (by, now = Date.now()) =>
    set((s) => {
      const span = s.view.end - s.view.start;
      const end = Math.min(Math.max(now, s.loaded?.end ?? now), s.view.end + by);
      return { view: { start: end - span, end } };
    }),
  setSelection: (selection) => set({ selection }),
}));
