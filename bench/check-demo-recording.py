#!/usr/bin/env python3
"""Checks the footage of a running demo system (./cctv run): every camera's segments of the last hour last 60 +/- 2 s
(except the first and last), follow each other within 1 s, and no gap was recorded.

Usage: bench/check-demo-recording.py [data-dir=data]   (the system must be running on the default ports)
"""
import sys
import base64, hmac, hashlib, json, time, urllib.request, datetime
secret = open((sys.argv[1] if len(sys.argv) > 1 else 'data') + '/secrets/service-secret').read().strip().encode()
def b64(b): return base64.urlsafe_b64encode(b).rstrip(b'=').decode()
now = int(time.time())
token = '.'.join([b64(json.dumps({"alg":"HS256"}).encode()), b64(json.dumps({"iss":"cctv","sub":"service:check","aud":"cctv-internal","iat":now,"exp":now+300}).encode())])
token += '.' + b64(hmac.new(secret, token.encode(), hashlib.sha256).digest())
def get(url):
    return json.load(urllib.request.urlopen(urllib.request.Request(url, headers={"Authorization": "Bearer " + token})))
cams = get('http://127.0.0.1:8081/internal/cameras')['items']
start = (datetime.datetime.utcnow() - datetime.timedelta(hours=1)).strftime('%Y-%m-%dT%H:%M:%SZ')
end = (datetime.datetime.utcnow() + datetime.timedelta(minutes=5)).strftime('%Y-%m-%dT%H:%M:%SZ')
def p(t): return datetime.datetime.fromisoformat(t.replace('Z', '+00:00'))
allok = True
for c in cams:
    segs = get(f"http://127.0.0.1:8082/internal/cameras/{c['id']}/segments?start={start}&end={end}")['items']
    gaps = get(f"http://127.0.0.1:8082/internal/cameras/{c['id']}/recordings?start={start}&end={end}")['gaps']
    lens = [(p(s['end']) - p(s['start'])).total_seconds() for s in segs]
    apart = [(p(segs[i]['start']) - p(segs[i-1]['end'])).total_seconds() for i in range(1, len(segs))]
    inner = lens[1:-1] if len(lens) > 2 else []
    ok = all(abs(l - 60) <= 2 for l in inner) and all(a < 1 for a in apart) and not gaps
    allok &= ok
    print(f"{c['name'][:32]:32} segments={len(segs):2} lengths={min(lens) if lens else 0:.1f}-{max(lens) if lens else 0:.1f}s "
          f"inner={min(inner) if inner else 0:.1f}-{max(inner) if inner else 0:.1f}s max_apart={max(apart) if apart else 0:.3f}s gaps={len(gaps)} {'OK' if ok else 'PROBLEM'}")
print("ALL OK" if allok else "PROBLEMS")
