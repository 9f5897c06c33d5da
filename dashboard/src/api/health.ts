/** The services of the system, in the order operators read them, with their ports. */
export const SERVICES = [
  { name: 'api', port: 8088, role: 'Public API, auth, audit' },
  { name: 'vms', port: 8081, role: 'Cameras and upstream VMS' },
  { name: 'live', port: 8085, role: 'Live gateway' },
  { name: 'stream-counter', port: 8087, role: 'Live-stream quotas' },
  { name: 'recording', port: 8083, role: 'Recorders' },
  { name: 'storage', port: 8082, role: 'Object store and segment index' },
  { name: 'playback', port: 8090, role: 'Playback and export' },
  { name: 'metadata', port: 8084, role: 'Incidents, bookmarks, search' },
] as const;

export type ServiceName = (typeof SERVICES)[number]['name'];

export type ServiceHealth =
  | { state: 'UP'; components: Record<string, string> }
  | { state: 'DOWN'; components: Record<string, string>; failing: string[] }
  | { state: 'UNREACHABLE'; reason: string };

interface HealthBody {
  status?: string;
  components?: Record<string, { status?: string }>;
}

/** Reads a service's /health answer: UP, DOWN naming the failing dependencies, or unreachable. */
export function interpretHealth(httpStatus: number, body: unknown): ServiceHealth {
  const parsed = (body ?? {}) as HealthBody;
  const components: Record<string, string> = {};
  for (const [name, c] of Object.entries(parsed.components ?? {})) {
    components[name] = c?.status ?? 'UNKNOWN';
  }
  if (httpStatus === 200 && parsed.status === 'UP') {
    return { state: 'UP', components };
  }
  if (parsed.status) {
    const failing = Object.entries(components)
      .filter(([, s]) => s !== 'UP')
      .map(([n]) => n);
    return { state: 'DOWN', components, failing };
  }
  return { state: 'UNREACHABLE', reason: `HTTP ${httpStatus}` };
}

export async function fetchHealth(name: ServiceName, fetchFn: typeof fetch = fetch): Promise<ServiceHealth> {
  try {
    const response = await fetchFn(`/services/${name}/health`, { headers: { Accept: 'application/json' } });
    const body = response.headers.get('content-type')?.includes('json') ? await response.json() : undefined;
    return interpretHealth(response.status, body);
  } catch (e) {
    return { state: 'UNREACHABLE', reason: e instanceof Error ? e.message : String(e) };
  }
}
