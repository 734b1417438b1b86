#!/usr/bin/env python3
"""Draws the Lockstep icons (two hosts in step on one disk) as PNGs, without any imaging library.
Run: python3 releng/icons/make_icons.py  (writes into bundles/io.lockstep.console/icons/)."""
import os, struct, sys, zlib

def png(path, w, h, px):
    raw = b''.join(b'\x00' + bytes(c for p in row for c in p) for row in px)
    def chunk(t, d):
        return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
    data = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 6, 0, 0, 0)) \
        + chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b'')
    with open(path, 'wb') as f:
        f.write(data)

def icon(n):
    bg, fg, disk = (30, 64, 120, 255), (255, 255, 255, 255), (250, 190, 40, 255)
    clear = (0, 0, 0, 0)
    px = [[clear] * n for _ in range(n)]
    r = max(2, n // 6)
    for y in range(n):
        for x in range(n):
            cx = min(x, n - 1 - x); cy = min(y, n - 1 - y)
            if cx < r and cy < r and (r - cx - 0.5) ** 2 + (r - cy - 0.5) ** 2 > r * r:
                continue
            px[y][x] = bg
    s = n / 16.0
    def rect(x0, y0, x1, y1, c):
        for y in range(int(y0 * s), int(y1 * s)):
            for x in range(int(x0 * s), int(x1 * s)):
                px[y][x] = c
    rect(3, 3, 6, 10, fg)     # host A
    rect(10, 3, 13, 10, fg)   # host B
    rect(3, 11, 13, 13, disk) # the shared disk under both
    return px

out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..', '..', 'bundles', 'io.lockstep.console', 'icons')
os.makedirs(out, exist_ok=True)
for n in (16, 32, 64):
    png(os.path.join(out, 'lockstep%d.png' % n), n, n, icon(n))
