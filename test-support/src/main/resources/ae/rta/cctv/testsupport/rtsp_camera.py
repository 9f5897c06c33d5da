#!/usr/bin/python3
"""An RTSP test camera: GStreamer's RTSP server streaming an H.264 test pattern on 127.0.0.1.

Usage: rtsp_camera.py PORT PATH [GOP_FRAMES] [BITRATE_KBPS] [PATTERN] [LOGIN]
Prints READY once it listens, then CONNECTED and CLOSED as RTSP clients start
and stop playing. Stops on SIGTERM; SIGKILL
simulates a camera dropping. PATTERN is a videotestsrc pattern: ball (cheap, few bits) or snow (fills the bitrate).
LOGIN, when given, is "basic" or "digest" and makes the camera demand that login; the user name and password are read
from the environment (RTSP_CAMERA_USER, RTSP_CAMERA_PASSWORD), so they never show in a process list.
RTSP_CAMERA_PROTOCOLS=udp in the environment makes it serve media over UDP only (461 to an interleaved TCP SETUP).
RTSP_CAMERA_AUDIO=aac (16 kHz mono AAC-LC, RFC 3640 mpeg4-generic) or pcma (G.711 A-law, 8 kHz) adds a sine tone as a
second track, as cameras with a microphone send it.
"""
import os
import signal
import sys

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
gi.require_version("GstRtsp", "1.0")
from gi.repository import GLib, Gst, GstRtsp, GstRtspServer  # noqa: E402


AUDIO = {
    "aac": "audiotestsrc is-live=true wave=sine freq=440 ! audioconvert ! audioresample "
           "! audio/x-raw,rate=16000,channels=1 ! voaacenc bitrate=32000 ! rtpmp4gpay name=pay1 pt=97 ",
    "pcma": "audiotestsrc is-live=true wave=sine freq=440 ! audioconvert ! audioresample "
            "! audio/x-raw,rate=8000,channels=1 ! alawenc ! rtppcmapay name=pay1 pt=8 ",
}


def require_login(server, factory, method):
    """Every request must carry the login (Basic or Digest, as asked) of the environment's user."""
    auth = GstRtspServer.RTSPAuth()
    token = GstRtspServer.RTSPToken()
    token.set_string(GstRtspServer.RTSP_TOKEN_MEDIA_FACTORY_ROLE, "viewer")
    user, password = os.environ["RTSP_CAMERA_USER"], os.environ["RTSP_CAMERA_PASSWORD"]
    if method == "digest":
        auth.set_supported_methods(GstRtsp.RTSPAuthMethod.DIGEST)
        auth.add_digest(user, password, token)
    else:
        auth.set_supported_methods(GstRtsp.RTSPAuthMethod.BASIC)
        auth.add_basic(GstRtspServer.RTSPAuth.make_basic(user, password), token)
    server.set_auth(auth)
    role = Gst.Structure.from_string(
        "viewer, media.factory.access=(boolean)true, media.factory.construct=(boolean)true")[0]
    factory.add_role_from_structure(role)


def main():
    port, path = sys.argv[1], sys.argv[2]
    gop = int(sys.argv[3]) if len(sys.argv) > 3 else 25
    bitrate = int(sys.argv[4]) if len(sys.argv) > 4 else 1000
    pattern = sys.argv[5] if len(sys.argv) > 5 else "ball"
    login = sys.argv[6] if len(sys.argv) > 6 else ""
    Gst.init(None)
    server = GstRtspServer.RTSPServer()
    server.set_address("127.0.0.1")
    server.set_service(port)
    factory = GstRtspServer.RTSPMediaFactory()
    factory.set_launch(
        f"( videotestsrc is-live=true pattern={pattern} "
        "! video/x-raw,width=640,height=360,framerate=25/1 "
        f"! x264enc tune=zerolatency speed-preset=ultrafast key-int-max={gop} bitrate={bitrate} "
        "! video/x-h264,profile=baseline ! rtph264pay name=pay0 pt=96 config-interval=1 "
        f"{AUDIO.get(os.environ.get('RTSP_CAMERA_AUDIO', ''), '')})"
    )
    # One pipeline for every client, as a camera's encoder is, except with a microphone: a recorder that joined the
    # shared media after a client that set up the video alone wrote nothing past its file header (seen with
    # GStreamer 1.22), where a camera serves every session its own tracks.
    factory.set_shared(not os.environ.get("RTSP_CAMERA_AUDIO"))
    if os.environ.get("RTSP_CAMERA_PROTOCOLS") == "udp":
        factory.set_protocols(GstRtsp.RTSPLowerTrans.UDP)
    if login:
        require_login(server, factory, login)
    server.get_mount_points().add_factory(path, factory)
    # A client counts once it asks to PLAY: probes (OPTIONS, DESCRIBE) are not viewers.
    def on_client(_server, client):
        state = {"playing": False}

        def on_play(_client, _ctx):
            if not state["playing"]:
                state["playing"] = True
                print("CONNECTED", flush=True)

        def on_closed(_client):
            if state["playing"]:
                state["playing"] = False
                print("CLOSED", flush=True)

        client.connect("play-request", on_play)
        client.connect("closed", on_closed)

    server.connect("client-connected", on_client)
    if server.attach(None) == 0:
        print("FAILED to bind", flush=True)
        sys.exit(1)
    loop = GLib.MainLoop()
    GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, signal.SIGTERM, loop.quit)
    GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, signal.SIGINT, loop.quit)
    print("READY", flush=True)
    loop.run()


if __name__ == "__main__":
    main()
