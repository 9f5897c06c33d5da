/**
 * Plays the live service's fMP4-over-WebSocket stream in a video element through Media Source Extensions:
 * a text "init" message (mime, generation) and the binary init section, then one binary fragment per frame.
 * It keeps the playhead at the live edge (jumps when more than 0.3 s behind), starts a new MediaSource when a new
 * init generation arrives (the camera's pull restarted), measures latency from the server's ingest time of each
 * presented frame (timing=1), and reconnects with backoff when the socket drops while the reservation lives.
 */
export type PlayerState = 'connecting' | 'live' | 'reconnecting' | 'ended' | 'gone' | 'unsupported';

/** Whether this browser's Media Source Extensions decode `mime` (e.g. H.265 is refused by Chromium without HEVC). */
export function canPlay(mime: string): boolean {
  return typeof MediaSource !== 'undefined' && MediaSource.isTypeSupported(mime);
}

/** The codecs parameter of a MIME type, e.g. `hvc1.1.6.L93.B0` of `video/mp4; codecs="hvc1.1.6.L93.B0"`. */
export function codecsOf(mime: string): string {
  const m = /codecs="?([^";]+)"?/.exec(mime);
  return m ? m[1] : mime;
}

export interface PlayerEvents {
  state: (state: PlayerState, detail?: string) => void;
  latency: (ms: number) => void;
}

const MAX_BEHIND_S = 0.3;
const KEEP_BEHIND_S = 10;

export class MsePlayer {
  private ws: WebSocket | null = null;
  private media: MediaSource | null = null;
  private objectUrl: string | null = null;
  private buffer: SourceBuffer | null = null;
  private queue: ArrayBuffer[] = [];
  private generation: number | null = null;
  private ingest = new Map<number, number>();
  private stopped = false;
  private retries = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private lastLatencyReport = 0;
  private frameCallback = 0;

  private readonly video: HTMLVideoElement;
  private readonly url: string;
  private readonly events: PlayerEvents;

  constructor(video: HTMLVideoElement, url: string, events: PlayerEvents) {
    this.video = video;
    this.url = url;
    this.events = events;
  }

  start(): void {
    this.video.muted = true;
    this.connect();
    this.watchFrames();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    if (this.ws) {
      this.ws.onclose = null;
      this.ws.onmessage = null;
      this.ws.close(1000);
    }
    this.ws = null;
    if (this.frameCallback && 'cancelVideoFrameCallback' in this.video) this.video.cancelVideoFrameCallback(this.frameCallback);
    this.resetMedia();
  }

  private connect(): void {
    this.events.state(this.retries ? 'reconnecting' : 'connecting');
    const ws = new WebSocket(this.url + (this.url.includes('?') ? '&' : '?') + 'timing=1');
    ws.binaryType = 'arraybuffer';
    this.ws = ws;
    ws.onmessage = (m) => (typeof m.data === 'string' ? this.onText(m.data) : this.onFragment(m.data as ArrayBuffer));
    ws.onclose = (e) => this.onClose(e.code, e.reason);
  }

  private onText(text: string): void {
    const msg = JSON.parse(text) as { type: string; state?: string; mime?: string; generation?: number; t?: number; at?: number };
    if (msg.type === 'status') {
      if (msg.state === 'RECONNECTING') this.events.state('reconnecting', 'camera');
      else if (msg.state === 'CONNECTING') this.events.state('connecting');
    } else if (msg.type === 'init' && msg.mime) {
      if (this.generation !== msg.generation || !this.media) {
        this.generation = msg.generation ?? 0;
        this.openMedia(msg.mime);
      }
    } else if (msg.type === 'frame' && typeof msg.t === 'number' && typeof msg.at === 'number') {
      this.ingest.set(Math.round(msg.t * 1000), msg.at);
      if (this.ingest.size > 300) this.ingest.delete(this.ingest.keys().next().value as number);
    }
  }

  private onFragment(data: ArrayBuffer): void {
    this.queue.push(data);
    this.pump();
  }

  /* A new generation restarts timestamps and may change the codec: a fresh MediaSource is the safe answer. */
  private openMedia(mime: string): void {
    this.resetMedia();
    if (!canPlay(mime)) {
      // Nothing to retry: the same stream will be refused again. The tile says which codec in words.
      this.stop();
      this.events.state('unsupported', codecsOf(mime));
      return;
    }
    const media = new MediaSource();
    this.media = media;
    this.objectUrl = URL.createObjectURL(media);
    this.video.src = this.objectUrl;
    media.addEventListener('sourceopen', () => {
      if (this.media !== media) return;
      let buffer: SourceBuffer;
      try {
        buffer = media.addSourceBuffer(mime);
      } catch (e) {
        this.stop();
        this.events.state('unsupported', codecsOf(mime));
        return;
      }
      buffer.mode = 'segments';
      buffer.addEventListener('updateend', () => this.afterAppend(buffer));
      this.buffer = buffer;
      this.pump();
    });
    this.video.play().catch(() => {
      /* autoplay of a muted video is allowed; a refusal shows as no frames and the tile says so */
    });
  }

  /* Fragments still queued belong to the old generation or the old socket: they are dropped with it. */
  private resetMedia(): void {
    this.buffer = null;
    this.queue = [];
    this.ingest.clear();
    if (this.objectUrl) {
      URL.revokeObjectURL(this.objectUrl);
      this.objectUrl = null;
    }
    this.media = null;
  }

  private pump(): void {
    const b = this.buffer;
    if (!b || b.updating || this.queue.length === 0) return;
    try {
      b.appendBuffer(this.queue.shift()!);
    } catch (e) {
      this.events.state('reconnecting', e instanceof Error ? e.message : String(e));
      this.reconnectSoon();
    }
  }

  private afterAppend(buffer: SourceBuffer): void {
    if (buffer !== this.buffer) return;
    const v = this.video;
    const ranges = v.buffered;
    if (ranges.length) {
      const end = ranges.end(ranges.length - 1);
      if (end - v.currentTime > MAX_BEHIND_S) v.currentTime = end - 0.05;
      const start = ranges.start(0);
      if (v.currentTime - start > KEEP_BEHIND_S * 2 && !buffer.updating) {
        buffer.remove(start, v.currentTime - KEEP_BEHIND_S);
        return;
      }
      if (v.paused) v.play().catch(() => {});
    }
    this.pump();
  }

  private watchFrames(): void {
    const v = this.video;
    if (!('requestVideoFrameCallback' in v)) return;
    const onFrame = (_now: number, meta: VideoFrameCallbackMetadata) => {
      if (this.stopped) return;
      this.retries = 0;
      const at = this.ingest.get(Math.round(meta.mediaTime * 1000));
      const now = Date.now();
      if (now - this.lastLatencyReport > 1000) {
        this.events.state('live');
        if (at !== undefined) {
          this.events.latency(Math.max(0, now - at));
          this.lastLatencyReport = now;
        }
      }
      this.frameCallback = v.requestVideoFrameCallback(onFrame);
    };
    this.frameCallback = v.requestVideoFrameCallback(onFrame);
  }

  private onClose(code: number, reason: string): void {
    this.ws = null;
    if (this.stopped) return;
    if (code === 4410) {
      this.events.state('ended', reason || 'reservation ended');
      return;
    }
    if (code === 4404) {
      this.events.state('gone', reason || 'camera gone');
      return;
    }
    this.events.state('reconnecting', reason || `closed ${code}`);
    this.reconnectSoon();
  }

  private reconnectSoon(): void {
    if (this.stopped) return;
    if (this.ws) {
      this.ws.onclose = null;
      this.ws.close();
      this.ws = null;
    }
    this.generation = null;
    this.resetMedia();
    clearTimeout(this.retryTimer);
    const delay = Math.min(10_000, 500 * 2 ** this.retries++);
    this.retryTimer = setTimeout(() => this.connect(), delay);
  }
}
