import { create } from 'zustand';
import { api, type Page } from '../api/client';

export interface Camera {
  id: string;
  name: string;
  nameAr?: string | null;
  agency: string;
  status: 'ONLINE' | 'OFFLINE' | 'UNKNOWN';
  /** Why it is not ONLINE, in words (null when ONLINE). */
  statusReason?: string | null;
  lastSeenAt?: string | null;
  ptz: boolean;
  /** True only while its segments land in storage. */
  recording: boolean;
  recordingReason?: string | null;
  codec?: string | null;
  resolution?: string | null;
  /** Whether the camera's stream has a sound track (kept only when audioEnabled). */
  audio?: boolean;
  audioCodec?: string | null;
  /** Whether its sound is kept: recorded, live, played back, exported (off by default; an ADMIN turns it on). */
  audioEnabled?: boolean;
  /** The approval the sound is kept under, null while off. */
  audioApproval?: string | null;
  source?: { type: string };
}

export interface CameraGroup {
  id: string;
  agency: string;
  name: string;
  nameAr?: string | null;
  cameraIds: string[];
}

interface CameraState {
  cameras: Camera[];
  groups: CameraGroup[];
  loaded: boolean;
  load: () => Promise<void>;
  byId: (id: string | null | undefined) => Camera | undefined;
}

export const useCameras = create<CameraState>((set, get) => ({
  cameras: [],
  groups: [],
  loaded: false,
  load: async () => {
    const [cameras, groups] = await Promise.all([
      api<Page<Camera>>('GET', '/api/v1/cameras', { query: { size: 500 } }),
      api<Page<CameraGroup>>('GET', '/api/v1/camera-groups'),
    ]);
    set({ cameras: cameras.items, groups: groups.items, loaded: true });
  },
  byId: (id) => get().cameras.find((c) => c.id === id),
}));

/** A tree node: an agency with its groups, and the cameras in no group. */
export interface AgencyNode {
  agency: string;
  groups: { group: CameraGroup; cameras: Camera[] }[];
  ungrouped: Camera[];
}

/** Cameras by agency and group, filtered by a search over English and Arabic names (case-insensitive). */
export function cameraTree(cameras: Camera[], groups: CameraGroup[], query: string): AgencyNode[] {
  const q = query.trim().toLowerCase();
  const matches = (c: Camera) => !q || c.name.toLowerCase().includes(q) || (c.nameAr ?? '').includes(q) || c.agency.toLowerCase().includes(q);
  const agencies = [...new Set(cameras.map((c) => c.agency))].sort();
  return agencies
    .map((agency) => {
      const own = cameras.filter((c) => c.agency === agency && matches(c)).sort((a, b) => a.name.localeCompare(b.name));
      const grouped = new Set<string>();
      const gs = groups
        .filter((g) => g.agency === agency)
        .map((group) => {
          const members = own.filter((c) => group.cameraIds.includes(c.id));
          members.forEach((c) => grouped.add(c.id));
          return { group, cameras: members };
        })
        .filter((g) => g.cameras.length > 0);
      return { agency, groups: gs, ungrouped: own.filter((c) => !grouped.has(c.id)) };
    })
    .filter((a) => a.groups.length > 0 || a.ungrouped.length > 0);
}
