// npm rtsp-streaming-server (a third-party RTSP server, UDP only) as a camera for the interop tests.
// Usage: node rtsp_streaming_server.js PUBLISH_PORT CLIENT_PORT RTP_PORT_START
// Publishers ANNOUNCE to PUBLISH_PORT (FFmpeg pushes a file); cameras' viewers read CLIENT_PORT. When RTSP_CAMERA_USER
// and RTSP_CAMERA_PASSWORD are in the environment, viewers must log in with Basic. The library listens on every
// interface; this wrapper binds every socket it opens to 127.0.0.1 instead. Prints READY once both ports listen.
const net = require('net');
const dgram = require('dgram');
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (port, ...rest) {
  if (typeof port === 'number' && (rest.length === 0 || typeof rest[0] === 'function')) {
    return listen.call(this, port, '127.0.0.1', ...rest);
  }
  return listen.call(this, port, ...rest);
};
const bind = dgram.Socket.prototype.bind;
dgram.Socket.prototype.bind = function (port, ...rest) {
  if (typeof port === 'number' && (rest.length === 0 || typeof rest[0] === 'function')) {
    return bind.call(this, port, '127.0.0.1', ...rest);
  }
  return bind.call(this, port, ...rest);
};
const RtspServer = require('rtsp-streaming-server').default;
const [serverPort, clientPort, rtpPortStart] = process.argv.slice(2).map(Number);
const user = process.env.RTSP_CAMERA_USER;
const password = process.env.RTSP_CAMERA_PASSWORD;
const server = new RtspServer({
  serverPort,
  clientPort,
  rtpPortStart,
  rtpPortCount: 200,
  clientServerHooks: user ? { authentication: async (u, p) => u === user && p === password } : {},
});
server.start().then(() => console.log('READY'), (e) => { console.log('FAILED ' + e); process.exit(1); });
