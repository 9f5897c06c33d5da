import { create } from 'zustand';

/** The six grid layouts: a big tile first for 1+5 and 1+7. */
export const LAYOUTS = {
  '1x1': { tiles: 1, columns: 1, big: 1 },
  '2x2': { tiles: 4, columns: 2, big: 1 },
  '3x3': { tiles: 9, columns: 3, big: 1 },
  '4x4': { tiles: 16, columns: 4, big: 1 },
  '1+5': { tiles: 6, columns: 3, big: 2 },
  '1+7': { tiles: 8, columns: 4, big: 3 },
} as const;

export type LayoutKind = keyof typeof LAYOUTS;
export const LAYOUT_KINDS = Object.keys(LAYOUTS) as LayoutKind[];

export interface SavedLayout {
  kind: LayoutKind;
  tiles: (string | null)[];
}

interface LayoutState {
  kind: LayoutKind;
  tiles: (string | null)[];
  /** The tile shown full screen (main stream), or null for the grid. */
  full: number | null;
  setKind: (kind: LayoutKind) => void;
  assign: (index: number, cameraId: string | null) => void;
  /** Puts a camera into the first empty tile (a click in the tree); false when every tile is taken. */
  place: (cameraId: string) => boolean;
  setFull: (index: number | null) => void;
  saved: (user: string) => Record<string, SavedLayout>;
  save: (user: string, name: string) => void;
  restore: (user: string, name: string) => void;
  remove: (user: string, name: string) => void;
}

/** Fits the tiles to a layout's size: cameras keep their places, the rest is dropped or left empty. */
export function resize(tiles: (string | null)[], size: number): (string | null)[] {
  return Array.from({ length: size }, (_, i) => tiles[i] ?? null);
}

/*
 * Saved layouts are kept per user in this browser's localStorage (the api has no layout route): they follow the
 * user name, not the machine's other users, and do not roam to other browsers.
 */
const storageKey = (user: string) => `cctv.layouts.${user}`;

function readSaved(user: string): Record<string, SavedLayout> {
  try {
    const parsed = JSON.parse(localStorage.getItem(storageKey(user)) ?? '{}') as Record<string, SavedLayout>;
    return Object.fromEntries(Object.entries(parsed).filter(([, l]) => l && l.kind in LAYOUTS && Array.isArray(l.tiles)));
  } catch {
    return {};
  }
}

export const useLayout = create<LayoutState>((set, get) => ({
  kind: '2x2',
  tiles: resize([], LAYOUTS['2x2'].tiles),
  full: null,
  setKind: (kind) => set((s) => ({ kind, tiles: resize(s.tiles, LAYOUTS[kind].tiles), full: null })),
  assign: (index, cameraId) =>
    set((s) => {
      const tiles = [...s.tiles];
      if (index < 0 || index >= tiles.length) return s;
      tiles[index] = cameraId;
      return { tiles };
    }),
  place: (cameraId) => {
    const i = get().tiles.indexOf(null);
    if (i < 0) return false;
    get().assign(i, cameraId);
    return true;
  },
  setFull: (full) => set({ full }),
  saved: (user) => readSaved(user),
  save: (user, name) => {
    const all = readSaved(user);
    all[name] = { kind: get().kind, tiles: get().tiles };
    localStorage.setItem(storageKey(user), JSON.stringify(all));
  },
  restore: (user, name) => {
    const l = readSaved(user)[name];
    if (l) set({ kind: l.kind, tiles: resize(l.tiles, LAYOUTS[l.kind].tiles), full: null });
  },
  remove: (user, name) => {
    const all = readSaved(user);
    delete all[name];
    localStorage.setItem(storageKey(user), JSON.stringify(all));
  },
}));
