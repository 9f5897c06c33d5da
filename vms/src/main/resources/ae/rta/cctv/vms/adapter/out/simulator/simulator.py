#!/usr/bin/python3
"""The demo cameras: GStreamer's RTSP server playing pre-encoded H.264 clips in an endless loop, no encoding.

Usage: simulator.py PORT CLIP_DIR [FPS=15]
Every CLIP_DIR/<name>.h264 (Annex-B, one access unit delimiter per frame, FPS frames a second) is served at
rtsp://127.0.0.1:PORT/sim/<name>. Access units are fed to the RTSP pipeline with timestamps that keep growing
across loops, so a viewer sees one endless live stream; the server paces them in real time. Each clip is shared
by all its viewers and runs only while somebody watches. Prints READY once it listens; stops on SIGTERM.
"""
import glob
import os
import signal
import sys

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtspServer  # noqa: E402

FPS = int(sys.argv[3]) if len(sys.argv) > 3 else 15
FRAME_NS = Gst.SECOND // FPS


def access_units(data):
    """Splits an Annex-B stream into access units, each starting at an access unit delimiter (NAL type 9)."""
    starts = []
    i = 0
    n = len(data)
    while i < n - 3:
        if data[i] == 0 and data[i + 1] == 0 and (data[i + 2] == 1 or (data[i + 2] == 0 and i + 3 < n and data[i + 3] == 1)):
            code = 3 if data[i + 2] == 1 else 4
            if data[i + code] & 0x1F == 9:
                starts.append(i)
            i += code
        else:
            i += 1
    return [data[a:b] for a, b in zip(starts, starts[1:] + [n])]


class LoopFactory(GstRtspServer.RTSPMediaFactory):
    def __init__(self, units):
        super().__init__()
        self.units = units
        self.set_shared(True)

    def do_create_element(self, url):
        pipeline = Gst.parse_launch(
            "( appsrc name=src is-live=true format=time "
            "caps=video/x-h264,stream-format=byte-stream,alignment=au,framerate=%d/1 " % FPS +
            "! h264parse ! rtph264pay name=pay0 pt=96 config-interval=1 )")
        src = pipeline.get_by_name("src")
        state = {"frame": 0}

        def need_data(appsrc, _length):
            unit = self.units[state["frame"] % len(self.units)]
            buf = Gst.Buffer.new_wrapped(unit)
            buf.pts = state["frame"] * FRAME_NS
            buf.duration = FRAME_NS
            state["frame"] += 1
            appsrc.emit("push-buffer", buf)

        src.connect("need-data", need_data)
        return pipeline


def main():
    port, clip_dir = sys.argv[1], sys.argv[2]
    Gst.init(None)
    server = GstRtspServer.RTSPServer()
    server.set_address("127.0.0.1")
    server.set_service(port)
    mounts = server.get_mount_points()
    for clip in sorted(glob.glob(os.path.join(clip_dir, "*.h264"))):
        with open(clip, "rb") as f:
            units = access_units(f.read())
        if units:
            mounts.add_factory("/sim/" + os.path.basename(clip)[:-5], LoopFactory(units))
    if server.attach(None) == 0:
        print("FAILED to bind port " + port, flush=True)
        sys.exit(1)
    loop = GLib.MainLoop()
    GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, signal.SIGTERM, loop.quit)
    GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, signal.SIGINT, loop.quit)
    print("READY", flush=True)
    loop.run()


if __name__ == "__main__":
    main()
