#!/usr/bin/env python3
"""Draws the demo network's lead images (demo/images/*.jpg).

Each image is a flat-vector editorial illustration written as SVG by this script (standard library
only, deterministic: the same script always draws the same pictures) and converted to a 1200x675
JPEG (quality 78, metadata stripped) with libvips' `vips` command (Debian: libvips-tools).

    python3 scripts/make-demo-images.py            # all images
    python3 scripts/make-demo-images.py solar-farm # only the named ones
    python3 scripts/make-demo-images.py --svg-dir /tmp/svgs   # keep the SVGs there

The SVGs go to a temporary directory that is removed afterwards unless --svg-dir is given.
No image contains text, logos or real people.
"""
import math
import os
import random
import shutil
import subprocess
import sys
import tempfile

W, H = 1200, 675
QUALITY = 78
MAX_BYTES = 90 * 1024
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_DIR = os.path.join(ROOT, "demo", "images")


# --------------------------------------------------------------------------------------------
# A tiny SVG writer
# --------------------------------------------------------------------------------------------

def fmt(v):
    if isinstance(v, float):
        s = f"{v:.1f}"
        return s[:-2] if s.endswith(".0") else s
    return str(v)


def pts(points):
    return " ".join(f"{fmt(float(x))},{fmt(float(y))}" for x, y in points)


class Svg:
    def __init__(self):
        self.defs = []
        self.body = []
        self.n = 0

    def _id(self):
        self.n += 1
        return f"g{self.n}"

    @staticmethod
    def _stops(stops):
        out = []
        for st in stops:
            off, col = st[0], st[1]
            op = f' stop-opacity="{st[2]}"' if len(st) > 2 else ""
            out.append(f'<stop offset="{off}" stop-color="{col}"{op}/>')
        return "".join(out)

    def lin(self, stops, x1=0, y1=0, x2=0, y2=1, user=False):
        """Linear gradient; coordinates are fractions of the shape's box unless user=True."""
        i = self._id()
        units = ' gradientUnits="userSpaceOnUse"' if user else ""
        self.defs.append(f'<linearGradient id="{i}" x1="{fmt(x1)}" y1="{fmt(y1)}" x2="{fmt(x2)}" '
                         f'y2="{fmt(y2)}"{units}>{self._stops(stops)}</linearGradient>')
        return f"url(#{i})"

    def rad(self, stops, cx=0.5, cy=0.5, r=0.5, user=False):
        i = self._id()
        units = ' gradientUnits="userSpaceOnUse"' if user else ""
        self.defs.append(f'<radialGradient id="{i}" cx="{fmt(cx)}" cy="{fmt(cy)}" r="{fmt(r)}"'
                         f'{units}>{self._stops(stops)}</radialGradient>')
        return f"url(#{i})"

    def el(self, tag, **attrs):
        a = " ".join(f'{k.rstrip("_").replace("_", "-")}="{fmt(v)}"' for k, v in attrs.items()
                     if v is not None)
        self.body.append(f"<{tag} {a}/>")

    def open(self, **attrs):
        a = " ".join(f'{k.rstrip("_").replace("_", "-")}="{fmt(v)}"' for k, v in attrs.items())
        self.body.append(f"<g {a}>")

    def close(self):
        self.body.append("</g>")

    def rect(self, x, y, w, h, fill, **kw):
        self.el("rect", x=float(x), y=float(y), width=float(w), height=float(h), fill=fill, **kw)

    def poly(self, points, fill, **kw):
        self.el("polygon", points=pts(points), fill=fill, **kw)

    def line(self, x1, y1, x2, y2, stroke, width=1, **kw):
        self.el("line", x1=float(x1), y1=float(y1), x2=float(x2), y2=float(y2), stroke=stroke,
                stroke_width=float(width), **kw)

    def pline(self, points, stroke, width=1, **kw):
        kw.setdefault("stroke_linecap", "round")
        kw.setdefault("stroke_linejoin", "round")
        self.el("polyline", points=pts(points), fill="none", stroke=stroke,
                stroke_width=float(width), **kw)

    def path(self, d, fill, **kw):
        self.el("path", d=d, fill=fill, **kw)

    def circle(self, cx, cy, r, fill, **kw):
        self.el("circle", cx=float(cx), cy=float(cy), r=float(r), fill=fill, **kw)

    def ellipse(self, cx, cy, rx, ry, fill, **kw):
        self.el("ellipse", cx=float(cx), cy=float(cy), rx=float(rx), ry=float(ry), fill=fill, **kw)

    def glow(self, cx, cy, r, color, strength=0.8):
        g = self.rad([(0, color, strength), (0.35, color, strength * 0.45), (1, color, 0)])
        self.circle(cx, cy, r, g)

    def render(self):
        return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" '
                f'viewBox="0 0 {W} {H}"><defs>{"".join(self.defs)}</defs>'
                f'{"".join(self.body)}</svg>\n')


def smooth(points, closed_to=None):
    """Catmull-Rom curve through points as an SVG path; closed_to=y closes it down to that y."""
    p = points
    d = [f"M{fmt(float(p[0][0]))},{fmt(float(p[0][1]))}"]
    for i in range(len(p) - 1):
        p0 = p[i - 1] if i > 0 else p[i]
        p1, p2 = p[i], p[i + 1]
        p3 = p[i + 2] if i + 2 < len(p) else p2
        c1 = (p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6)
        c2 = (p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6)
        d.append(f"C{pts([c1, c2, p2])}")
    if closed_to is not None:
        d.append(f"L{fmt(float(p[-1][0]))},{closed_to} L{fmt(float(p[0][0]))},{closed_to} Z")
    return " ".join(d)


def ridge(rng, y, amp, step, x0=-40, x1=W + 40, jitter=0.5):
    out, x = [], x0
    while x < x1 + step:
        out.append((x, y - amp * rng.random()))
        x += step * (1 - jitter / 2 + jitter * rng.random())
    return out


def lerp(a, b, t):
    return a + (b - a) * t


def lerp2(p, q, t):
    return (lerp(p[0], q[0], t), lerp(p[1], q[1], t))


def quad_point(q, u, v):
    """Bilinear point in quad q = (top-left, top-right, bottom-right, bottom-left)."""
    top = lerp2(q[0], q[1], u)
    bottom = lerp2(q[3], q[2], u)
    return lerp2(top, bottom, v)


def cloud(s, cx, cy, scale, fill, **kw):
    for dx, dy, r in [(-60, 8, 34), (-25, -12, 44), (20, -22, 50), (62, -4, 38), (90, 10, 28),
                      (0, 12, 40), (-88, 16, 24)]:
        s.circle(cx + dx * scale, cy + dy * scale, r * scale, fill, **kw)
    s.rect(cx - 100 * scale, cy + 10 * scale, 200 * scale, 28 * scale, fill, rx=14 * scale, **kw)


def birds(s, rng, n, x0, y0, x1, y1, color, size=10):
    for _ in range(n):
        x, y = lerp(x0, x1, rng.random()), lerp(y0, y1, rng.random())
        k = size * (0.6 + 0.6 * rng.random())
        s.path(f"M{fmt(x - k)},{fmt(y - k * 0.3)} Q{fmt(x - k * 0.45)},{fmt(y - k * 0.75)} "
               f"{fmt(x)},{fmt(y)} Q{fmt(x + k * 0.45)},{fmt(y - k * 0.75)} "
               f"{fmt(x + k)},{fmt(y - k * 0.3)}", "none", stroke=color,
               stroke_width=max(1.5, k / 5), stroke_linecap="round")


# --------------------------------------------------------------------------------------------
# The scenes
# --------------------------------------------------------------------------------------------

def port_cranes_dawn(s, rng):
    hz = 440
    s.rect(0, 0, W, hz + 1, s.lin([(0, "#2a2c5e"), (0.45, "#87507f"), (0.78, "#ee8a5c"),
                                   (1, "#fdd58c")]))
    s.glow(830, hz, 300, "#ffe2a0", 0.9)
    s.circle(830, hz, 58, "#fff3c8")
    # distant low shore
    s.path(smooth(ridge(rng, hz - 6, 14, 90), hz + 1), "#a15a72", opacity=0.55)
    # water and sun glitter
    s.rect(0, hz, W, H - hz, s.lin([(0, "#f0a77c"), (0.18, "#a4658a"), (0.6, "#3c3766"),
                                     (1, "#1f2146")]))
    for i in range(16):
        y = hz + 6 + i * i * 0.9 + i * 4
        w = 120 - i * 6 + rng.random() * 30
        s.rect(830 - w / 2 + rng.uniform(-20, 20), y, w, 3 + i * 0.25, "#ffe0a0",
               opacity=round(0.75 - i * 0.035, 2), rx=2)
    # ship alongside the quay, under the crane booms
    ink = "#1b1c3a"
    s.poly([(600, 406), (1140, 406), (1176, 396), (1150, 452), (622, 452)], "#23244a")
    s.rect(600, 404, 560, 5, "#5b3b5e")
    colors = ["#6e3b52", "#3d4a70", "#7a5a3c", "#45605c", "#5a3d6e", "#7d4444"]
    for col in range(13):
        x = 640 + col * 34
        for row in range(rng.randint(2, 4)):
            s.rect(x, 388 - row * 16, 32, 15, rng.choice(colors))
    s.rect(1080, 330, 48, 76, "#2a2b52")
    s.rect(1086, 318, 36, 14, "#2a2b52")
    for r in range(4):
        s.rect(1084, 340 + r * 14, 40, 4, "#e7a46e", opacity=0.6)
    # quay and stacked containers on it
    s.poly([(0, 448), (640, 448), (660, 478), (0, 478)], ink)
    for col in range(17):
        x = 10 + col * 36
        for row in range(rng.randint(1, 4)):
            s.rect(x, 432 - row * 15, 34, 14, rng.choice(colors))
    # ship-to-shore gantry cranes
    for i, (x, sc) in enumerate([(70, 0.92), (300, 1.0), (540, 1.06)]):
        top = 448 - 200 * sc
        leg = 95 * sc
        for lx in (x, x + leg):
            s.line(lx, 448, lx, top, ink, 9 * sc)
        s.line(x, top + 24 * sc, x + leg, top + 24 * sc, ink, 8 * sc)
        s.line(x, 448 - 60 * sc, x + leg, 448 - 60 * sc, ink, 6 * sc)
        s.line(x, top + 24 * sc, x + leg, 448 - 60 * sc, ink, 4 * sc)
        s.line(x + leg, top + 24 * sc, x, 448 - 60 * sc, ink, 4 * sc)
        by = top - 12 * sc
        s.rect(x - 70 * sc, by - 7 * sc, 420 * sc, 14 * sc, ink)
        s.rect(x - 58 * sc, by - 38 * sc, 88 * sc, 31 * sc, ink)
        apex = (x + leg / 2, top - 115 * sc)
        s.line(x, top, apex[0], apex[1], ink, 7 * sc)
        s.line(x + leg, top, apex[0], apex[1], ink, 7 * sc)
        s.line(apex[0], apex[1], x + 345 * sc, by, ink, 3 * sc)
        s.line(apex[0], apex[1], x + 220 * sc, by, ink, 3 * sc)
        s.line(apex[0], apex[1], x - 65 * sc, by, ink, 3 * sc)
        tx = x + (180 + 40 * i) * sc
        s.rect(tx, by + 7 * sc, 26 * sc, 12 * sc, ink)
        s.line(tx + 13 * sc, by + 19 * sc, tx + 13 * sc, by + 90 * sc, ink, 2)
        s.rect(tx + 1 * sc, by + 90 * sc, 24 * sc, 8 * sc, ink)
        s.circle(apex[0], apex[1] - 4, 3.5, "#ff6a5a")
    # reflections of the quay
    s.rect(0, 478, 660, 40, s.lin([(0, ink, 0.7), (1, ink, 0)]))
    birds(s, rng, 5, 880, 150, 1080, 240, "#3a2c55", 11)


def desert_highway(s, rng):
    hz = 384
    s.rect(0, 0, W, hz + 2, s.lin([(0, "#4d9fd1"), (0.6, "#b6dced"), (1, "#f6e6c4")]))
    s.glow(930, 120, 170, "#fffbe8", 0.9)
    s.circle(930, 120, 44, "#fffaf0")
    cloud(s, 260, 130, 0.9, "#ffffff", opacity=0.7)
    cloud(s, 620, 80, 0.55, "#ffffff", opacity=0.55)
    s.path(smooth(ridge(rng, hz - 10, 45, 120), hz + 2), "#c7a4a8", opacity=0.8)
    s.path(smooth(ridge(rng, hz, 22, 80), hz + 40), "#ecd0a0")
    layers = [(hz + 30, 40, "#e8bf83"), (hz + 85, 55, "#dfac6a"), (hz + 150, 60, "#d49855"),
              (hz + 230, 70, "#c4843f")]
    for y, amp, col in layers:
        s.path(smooth(ridge(rng, y, amp, 170, jitter=0.7), H), col)
    # the road: one-point perspective to the vanishing point
    vx, vy = 600, hz + 2
    s.poly([(vx - 8, vy), (vx + 8, vy), (1000, H), (200, H)],
           s.lin([(0, "#8a8486"), (1, "#3f3c42")]))
    s.poly([(vx - 6, vy), (vx - 4, vy), (230, H), (205, H)], "#f1ede4", opacity=0.85)
    s.poly([(vx + 4, vy), (vx + 6, vy), (995, H), (970, H)], "#f1ede4", opacity=0.85)
    z = 1.0
    while True:
        y0 = vy + 290 / z
        y1 = vy + 290 / (z + 0.9)
        if y1 - vy < 1.2:
            break
        w0, w1 = (y0 - vy) / (H - vy) * 9, (y1 - vy) / (H - vy) * 9
        s.poly([(vx - w0, y0), (vx + w0, y0), (vx + w1, y1), (vx - w1, y1)], "#f4cf4e")
        z += 1.9
    # telegraph poles along the right-hand side
    tops = []
    z = 1.0
    while z < 30:
        by = vy + 280 / z
        bx = vx + (by - vy) * 1.85
        h = (by - vy) * 1.1
        s.line(bx, by, bx, by - h, "#5b4636", max(1.0, 7 / z))
        s.line(bx - h * 0.16, by - h * 0.92, bx + h * 0.16, by - h * 0.92, "#5b4636",
               max(0.8, 4 / z))
        tops.append((bx, by - h * 0.92))
        z *= 1.5
    for a, b in zip(tops, tops[1:]):
        mid = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2 + (a[0] - b[0]) * 0.05)
        s.path(f"M{pts([a])} Q{pts([mid, b])}", "none", stroke="#5b4636", stroke_width=1.2)
    for _ in range(14):
        x = rng.uniform(0, W)
        if 150 < x < 1050:
            continue
        y = rng.uniform(hz + 40, H - 20)
        k = (y - hz) / 20
        for j in range(3):
            s.ellipse(x + (j - 1) * k * 0.8, y - k * (0.4 if j == 1 else 0.2), k * 0.9,
                      k * 0.55, "#7c7a3e")


def city_skyline_dusk(s, rng):
    base = 540
    s.rect(0, 0, W, base + 1, s.lin([(0, "#18204d"), (0.45, "#4f377a"), (0.78, "#d35f7c"),
                                     (1, "#f7a65b")]))
    for _ in range(50):
        s.circle(rng.uniform(0, W), rng.uniform(0, 200), rng.uniform(0.6, 1.6), "#ffffff",
                 opacity=round(rng.uniform(0.3, 0.9), 2))
    s.glow(960, 105, 110, "#fff1d0", 0.5)
    s.circle(960, 105, 28, "#fdf0d2")
    # far, middle and near rows of towers
    x = -20
    while x < W:
        w = rng.uniform(40, 90)
        s.rect(x, base - rng.uniform(90, 210), w, 260, "#7a4f8f", opacity=0.75)
        x += w + rng.uniform(0, 12)
    x = -10
    while x < W:
        w = rng.uniform(50, 100)
        h = rng.uniform(130, 300)
        s.rect(x, base - h, w, h, "#3d2f66")
        for wy in range(int(base - h + 14), base - 10, 22):
            for wx in range(int(x + 8), int(x + w - 8), 16):
                if rng.random() < 0.18:
                    s.rect(wx, wy, 6, 9, "#e9b86c", opacity=0.7)
        x += w + rng.uniform(4, 20)
    x = 10
    near = []
    while x < W:
        w = rng.uniform(60, 120)
        h = rng.uniform(120, 340)
        near.append((x, w, h))
        x += w + rng.uniform(20, 60)
    # one tall spire tower in the middle
    near.append((560, 90, 420))
    for x, w, h in near:
        top = base - h
        s.rect(x, top, w, h + 1, "#1d1838")
        if w > 80 and h > 400:
            s.poly([(x + 10, top), (x + w - 10, top), (x + w / 2, top - 70)], "#1d1838")
            s.line(x + w / 2, top - 70, x + w / 2, top - 130, "#1d1838", 4)
            s.circle(x + w / 2, top - 130, 3.5, "#ff5a6a")
        elif rng.random() < 0.4:
            s.rect(x + w * 0.3, top - 18, w * 0.4, 18, "#1d1838")
            s.line(x + w / 2, top - 18, x + w / 2, top - 55, "#1d1838", 2.5)
            s.circle(x + w / 2, top - 55, 2.5, "#ff5a6a")
        for wy in range(int(top + 12), base - 8, 20):
            for wx in range(int(x + 8), int(x + w - 10), 14):
                if rng.random() < 0.34:
                    s.rect(wx, wy, 7, 10, rng.choice(["#ffd27a", "#ffe7ad", "#ffc15e"]))
    # waterfront, water and reflections
    s.rect(0, base, W, 8, "#110e24")
    s.rect(0, base + 8, W, H - base, s.lin([(0, "#3c2a5a"), (0.35, "#231d45"), (1, "#120f28")]))
    for _ in range(70):
        x = rng.uniform(0, W)
        y = rng.uniform(base + 14, H - 10)
        w = rng.uniform(8, 40) * (0.5 + (y - base) / 200)
        s.rect(x, y, w, 2.2, rng.choice(["#ffd27a", "#f7a65b", "#d35f7c"]),
               opacity=round(rng.uniform(0.25, 0.6), 2))


def solar_farm(s, rng):
    hz = 352
    s.rect(0, 0, W, hz + 2, s.lin([(0, "#2a7cc7"), (1, "#c4e6f6")]))
    sx, sy = 1020, 100
    for k in range(12):
        a = k * math.pi / 6
        p1 = (sx + math.cos(a - 0.08) * 70, sy + math.sin(a - 0.08) * 70)
        p2 = (sx + math.cos(a + 0.08) * 70, sy + math.sin(a + 0.08) * 70)
        p3 = (sx + math.cos(a) * 150, sy + math.sin(a) * 150)
        s.poly([p1, p2, p3], "#fff6c8", opacity=0.35)
    s.glow(sx, sy, 160, "#fff8d8", 0.9)
    s.circle(sx, sy, 50, "#fff7cc")
    cloud(s, 240, 110, 0.8, "#ffffff", opacity=0.85)
    cloud(s, 620, 170, 0.5, "#ffffff", opacity=0.7)
    s.path(smooth(ridge(rng, hz - 10, 40, 160), hz + 2), "#9fb8c8")
    # a pylon on the skyline
    px = 170
    ink = "#6f7f8e"
    s.pline([(px - 22, hz), (px - 6, hz - 110), (px + 6, hz - 110), (px + 22, hz)], ink, 2.5)
    for yy, ww in ((hz - 95, 38), (hz - 70, 30)):
        s.line(px - ww, yy, px + ww, yy, ink, 2.5)
    s.line(px - 14, hz - 40, px + 14, hz - 75, ink, 1.5)
    s.line(px + 14, hz - 40, px - 14, hz - 75, ink, 1.5)
    qx = px + 420
    s.pline([(qx - 13, hz - 8), (qx - 4, hz - 72), (qx + 4, hz - 72), (qx + 13, hz - 8)], ink, 2)
    s.line(qx - 24, hz - 62, qx + 24, hz - 62, ink, 2)
    s.path(f"M{px + 38},{hz - 95} Q{px + 230},{hz - 50} {qx + 24},{hz - 62}", "none",
           stroke=ink, stroke_width=1)
    s.path(f"M{qx + 24},{hz - 62} Q{qx + 200},{hz - 30} {qx + 420},{hz - 40}", "none",
           stroke=ink, stroke_width=1)
    s.rect(0, hz, W, H - hz, s.lin([(0, "#e9d6a3"), (1, "#cfb276")]))
    # rows of panels, far to near
    rows = [(hz + 22, 12), (hz + 48, 17), (hz + 84, 24), (hz + 134, 34), (hz + 204, 48),
            (hz + 300, 68)]
    for yb, ph in rows:
        yt = yb - ph
        s.rect(0, yb, W, ph * 0.45, "#a88f5b", opacity=0.55)  # shadow on the ground
        for lx in range(int(ph * 0.6), W, int(ph * 3.2)):
            s.line(lx, yb, lx, yb + ph * 0.45, "#5d5f66", max(1, ph / 10))
        s.poly([(0, yt), (W, yt), (W, yb), (0, yb)],
               s.lin([(0, "#6fa7dc"), (0.25, "#2e5f9e"), (1, "#18386c")]))
        mw = ph * 1.25
        x = -rng.uniform(0, mw)
        while x < W:
            s.line(x, yt, x, yb, "#b9cadb", max(0.8, ph / 22))
            x += mw
        s.line(0, (yt + yb) / 2, W, (yt + yb) / 2, "#9db4cc", max(0.6, ph / 30), opacity=0.8)
        s.line(0, yt, W, yt, "#dbe6f0", max(1, ph / 14))
        s.line(0, yb, W, yb, "#44505e", max(1, ph / 14))
    # sun glint on the nearest row
    s.poly([(860, rows[-1][0] - rows[-1][1]), (940, rows[-1][0] - rows[-1][1]),
            (900, rows[-1][0]), (820, rows[-1][0])], "#ffffff", opacity=0.25)


def stadium_floodlights(s, rng):
    s.rect(0, 0, W, H, s.lin([(0, "#070b24"), (1, "#1d2a5c")]))
    for _ in range(40):
        s.circle(rng.uniform(0, W), rng.uniform(0, 150), rng.uniform(0.6, 1.4), "#ffffff",
                 opacity=round(rng.uniform(0.3, 0.8), 2))
    far_y, near_y = 372, H
    # stands: far stand and the two side stands
    s.poly([(-10, 170), (W + 10, 170), (W + 10, 300), (880, far_y), (320, far_y), (-10, 300)],
           "#1b2140")
    s.rect(-10, 150, W + 20, 28, "#0c1028")
    for k in range(22):
        s.rect(40 + k * 52, 176, 22, 3, "#fff7d6", opacity=0.85)
    tiers = 9
    for r in range(tiers):
        y = 196 + r * ((far_y - 200) / tiers)
        for i in range(95):
            x = 10 + i * 12.4 + (r % 2) * 6
            # follow the bowl: the side stands come forward
            if (x < 320 and y > 300 - (320 - x) * 0.0) and y > far_y - (320 - x) * 0.4:
                continue
            if (x > 880 and y > far_y - (x - 880) * 0.4):
                continue
            if rng.random() < 0.85:
                s.rect(x, y, 7, 6, rng.choice(["#3a4a7c", "#50609a", "#8bb8ff", "#e6edf7",
                                               "#2c355e", "#f2c14e"]), opacity=0.8)
    s.poly([(-10, 300), (320, far_y), (-10, 520)], "#161b36")
    s.poly([(W + 10, 300), (880, far_y), (W + 10, 520)], "#161b36")
    s.rect(0, far_y - 6, W, 8, "#2a3566")
    for k in range(24):
        s.rect(330 + k * 23, far_y - 5, 14, 4, rng.choice(["#ff5a6a", "#4fd1ff", "#ffd24f"]),
               opacity=0.9)
    # the pitch
    tl, tr, br, bl = (320, far_y), (880, far_y), (1420, near_y), (-220, near_y)
    s.poly([tl, tr, br, bl], "#2f8f46")
    z = 1.0
    while True:
        y0, y1 = far_y + 760 / (z + 1.6) - 292, far_y + 760 / (z + 2.6) - 292
        t0, t1 = (y0 - far_y) / (near_y - far_y), (y1 - far_y) / (near_y - far_y)
        if t1 <= 0 or t0 <= 0:
            break
        a0, b0 = lerp2(tl, bl, min(t0, 1)), lerp2(tr, br, min(t0, 1))
        a1, b1 = lerp2(tl, bl, t1), lerp2(tr, br, t1)
        s.poly([a0, b0, b1, a1], "#3aa654")
        z += 2
    line = "#eef7ee"
    inset = 0.05
    s.poly([lerp2(tl, tr, inset), lerp2(tr, tl, inset), lerp2(br, bl, inset + 0.2),
            lerp2(bl, br, inset + 0.2)], "none", stroke=line, stroke_width=2.5, opacity=0.85)
    half_y = 470
    t = (half_y - far_y) / (near_y - far_y)
    s.line(lerp2(tl, bl, t)[0] + 40, half_y, lerp2(tr, br, t)[0] - 40, half_y, line, 2.5,
           opacity=0.85)
    s.ellipse(600, half_y, 120, 30, "none", stroke=line, stroke_width=2.5, opacity=0.85)
    s.poly([(510, far_y + 3), (690, far_y + 3), (700, far_y + 22), (500, far_y + 22)], "none",
           stroke=line, stroke_width=1.8, opacity=0.85)
    s.rect(570, far_y - 14, 60, 15, "none", stroke="#ffffff", stroke_width=2)
    # floodlight towers with light banks and beams
    for (bx, by), (tx, ty) in [((110, 420), (150, 40)), ((1090, 420), (1050, 40))]:
        s.poly([(tx, ty + 40), (600, far_y + 40), (tx + (1 if tx < 600 else -1) * 140, ty + 40)],
               s.lin([(0, "#fffbe0", 0.35), (1, "#fffbe0", 0)], tx, ty, 600, far_y, user=True))
        s.poly([(bx - 8, by), (bx + 8, by), (tx + 5, ty + 40), (tx - 5, ty + 40)], "#0a0d20")
        s.glow(tx, ty + 15, 230, "#fff4c8", 0.75)
        s.rect(tx - 46, ty - 8, 92, 48, "#1a1f3a", rx=3)
        for r in range(3):
            for c in range(5):
                s.circle(tx - 36 + c * 18, ty + 4 + r * 14, 6, "#fffdf0")
    s.glow(600, 470, 520, "#eaffea", 0.12)


def market_stalls(s, rng):
    s.rect(0, 0, W, H, s.lin([(0, "#f7d9a6"), (1, "#fbeed7")]))
    # old arcade wall behind the stalls
    s.rect(0, 60, W, 462, "#e4c394")
    s.rect(0, 52, W, 14, "#cfa66f")
    for i in range(7):
        x = 30 + i * 172
        s.path(f"M{x},330 L{x},170 A60,60 0 0 1 {x + 120},170 L{x + 120},330 Z", "#c79a63")
        s.path(f"M{x + 10},330 L{x + 10},175 A50,50 0 0 1 {x + 110},175 L{x + 110},330 Z",
               "#8f6a45", opacity=0.55)
    # string of lights
    s.path("M0,40 Q300,120 600,40 Q900,120 1200,40", "none", stroke="#6b4b2e", stroke_width=2)
    for k in range(25):
        t = (k % 12.5) / 12.5
        x = k * 48 + 6
        seg = 0 if x < 600 else 600
        u = (x - seg) / 600
        y = (1 - u) ** 2 * 40 + 2 * (1 - u) * u * 120 + u ** 2 * 40
        s.glow(x, y + 6, 16, "#fff1b0", 0.7)
        s.circle(x, y + 6, 4.5, rng.choice(["#ffd24f", "#ff8a5c", "#9be38a", "#7fd3ff"]))
    s.rect(0, 520, W, H - 520, s.lin([(0, "#c9a97c"), (1, "#b08d62")]))
    for k in range(-10, 24):
        s.line(600 + k * 60, 520, 600 + k * 140, H, "#a78459", 1.5, opacity=0.6)
    for y in (545, 580, 625):
        s.line(0, y, W, y, "#a78459", 1.5, opacity=0.6)
    stripes = [("#2a9d8f", "#f4f1e6"), ("#e63946", "#f8ecd4"), ("#f4a261", "#fff4d6"),
               ("#3a6ea5", "#eef3f8"), ("#7b4fa0", "#f6eefb")]
    produce = [["#f59a23", "#f7b23b"], ["#e0433a", "#c9302c"], ["#8cc63f", "#6da832"],
               ["#f5d142", "#e9c12f"], ["#5b2a6e", "#732f8a"], ["#8a4b2a", "#6e3a20"]]
    stalls = [(-40, 300), (270, 290), (570, 300), (880, 320)]
    for n, (x, w) in enumerate(stalls):
        a, b = stripes[(n + 1) % len(stripes)]
        top, low = 200 + (n % 2) * 14, 300 + (n % 2) * 14
        s.rect(x + w * 0.5 - 170, low, 340, 520 - low, "#6e4f33", opacity=0.28)  # shade
        for px in (x + 12, x + w - 20):
            s.rect(px, top, 8, 520 - top, "#6b4b2e")
        # striped awning with a scalloped edge
        ns = 10
        sw = w / ns
        for k in range(ns):
            s.poly([(x + k * sw + 14 * (1 - k / ns) - 7, top),
                    (x + (k + 1) * sw + 14 * (1 - (k + 1) / ns) - 7, top),
                    (x + (k + 1) * sw, low), (x + k * sw, low)], a if k % 2 == 0 else b)
            s.path(f"M{fmt(x + k * sw)},{low} A{fmt(sw / 2)},{fmt(sw / 2.2)} 0 0 0 "
                   f"{fmt(x + (k + 1) * sw)},{low} Z", a if k % 2 == 0 else b)
        s.rect(x - 6, top - 8, w + 12, 10, "#5a3d24", rx=3)
        # counter with crates of produce
        cy = 430
        s.rect(x + 6, cy, w - 12, 90, "#9c6b3f")
        for k in range(4):
            s.line(x + 6, cy + 18 + k * 20, x + w - 6, cy + 18 + k * 20, "#7d5330", 2)
        s.rect(x, cy - 6, w, 10, "#7d5330")
        ncr = 3
        cw = (w - 40) / ncr
        for k in range(ncr):
            cx0 = x + 20 + k * cw
            cols = produce[(n * 2 + k) % len(produce)]
            r = 11 if cols[0] not in ("#5b2a6e", "#8a4b2a") else 9
            # heap of fruit
            for row in range(3):
                cnt = int((cw - 16) / (2 * r)) - row
                for j in range(cnt):
                    s.circle(cx0 + 8 + r + j * 2 * r + row * r + rng.uniform(-1, 1),
                             cy - 30 - row * (r * 1.6), r, cols[(j + row) % 2])
            s.rect(cx0 + 2, cy - 34, cw - 4, 30, "#c89a5b")
            s.line(cx0 + 2, cy - 20, cx0 + cw - 2, cy - 20, "#a57840", 2)
            s.rect(cx0 + 2, cy - 34, cw - 4, 4, "#dcb37a")
        # crates stacked in front
        for k in range(2):
            fx = x + 30 + k * (w - 110)
            s.rect(fx, 548, 80, 50, "#c89a5b")
            s.line(fx, 565, fx + 80, 565, "#a57840", 2)
            s.line(fx, 582, fx + 80, 582, "#a57840", 2)
            cols = produce[(n + k + 3) % len(produce)]
            for j in range(4):
                s.circle(fx + 12 + j * 19, 540, 10, cols[j % 2])
            s.ellipse(fx + 40, 602, 48, 6, "#000000", opacity=0.12)


def museum_gallery(s, rng):
    floor_y = 488
    s.rect(0, 0, W, floor_y, s.lin([(0, "#e7ddd0"), (1, "#f3ece3")]))
    s.rect(0, 0, W, 46, "#d5cabc")
    for k in range(3):
        s.rect(150 + k * 330, 8, 240, 28, "#f7fbff")
    s.rect(0, 46, W, 6, "#c8bcac")
    # track lights washing the wall
    frames = [(70, 150, 220, 290), (370, 120, 340, 250), (790, 150, 200, 290)]
    for fx, fy, fw, fh in frames:
        cx = fx + fw / 2
        s.poly([(cx - 10, 64), (cx + 10, 64), (cx + fw * 0.75, fy + fh + 50),
                (cx - fw * 0.75, fy + fh + 50)],
               s.lin([(0, "#fff6dc", 0.7), (1, "#fff6dc", 0)]))
        s.rect(cx - 7, 52, 14, 16, "#3c3a38", rx=3)
    s.line(0, 52, W, 52, "#3c3a38", 3)
    # the pictures: gold frame, white mount, an abstract painting each
    for i, (fx, fy, fw, fh) in enumerate(frames):
        s.rect(fx + 6, fy + 8, fw, fh, "#000000", opacity=0.12)
        s.rect(fx, fy, fw, fh, "#b8913f")
        s.rect(fx + 6, fy + 6, fw - 12, fh - 12, "#d7b560")
        s.rect(fx + 16, fy + 16, fw - 32, fh - 32, "#faf7f0")
        ix, iy, iw, ih = fx + 30, fy + 30, fw - 60, fh - 60
        if i == 0:   # colour blocks
            s.rect(ix, iy, iw, ih, "#f1e3c6")
            s.rect(ix, iy, iw, ih * 0.45, "#e76f51")
            s.rect(ix, iy + ih * 0.45, iw * 0.6, ih * 0.55, "#264653")
            s.circle(ix + iw * 0.72, iy + ih * 0.66, iw * 0.18, "#e9c46a")
        elif i == 1:  # landscape: hills, sea and sun
            s.rect(ix, iy, iw, ih, s.lin([(0, "#8ecae6"), (1, "#fbe3b7")]))
            s.circle(ix + iw * 0.7, iy + ih * 0.35, 22, "#ffb703")
            s.rect(ix, iy + ih * 0.62, iw, ih * 0.38, "#2a7fa8")
            s.path(f"M{ix},{iy + ih * 0.62} Q{ix + iw * 0.25},{iy + ih * 0.25} "
                   f"{ix + iw * 0.5},{iy + ih * 0.62} Z", "#3d6b4f")
            s.path(f"M{ix + iw * 0.3},{iy + ih * 0.62} Q{ix + iw * 0.5},{iy + ih * 0.38} "
                   f"{ix + iw * 0.72},{iy + ih * 0.62} Z", "#5a8f5f")
        else:         # circles and lines
            s.rect(ix, iy, iw, ih, "#1d3557")
            for k in range(4):
                s.circle(ix + iw / 2, iy + ih * 0.45, iw * (0.42 - k * 0.1),
                         ["#457b9d", "#a8dadc", "#f1faee", "#e63946"][k])
            s.rect(ix, iy + ih * 0.82, iw, 6, "#f1faee")
    # floor with planks converging to the vanishing point
    s.rect(0, floor_y, W, H - floor_y, s.lin([(0, "#b88a5f"), (1, "#8a5c3b")]))
    s.rect(0, floor_y - 10, W, 12, "#d9cebf")
    vx, vy = 600, 260
    for k in range(-16, 17):
        x_bottom = vx + k * 95
        t = (floor_y - vy) / (H - vy)
        s.line(lerp(vx, x_bottom, t), floor_y + 2, x_bottom, H, "#7a5033", 1.5, opacity=0.5)
    s.ellipse(600, 600, 520, 60, "#fff4dc", opacity=0.12)
    # plinth with a sculpture
    s.poly([(1030, 330), (1140, 330), (1140, 560), (1030, 560)], "#f6f2ec")
    s.poly([(1140, 330), (1170, 318), (1170, 545), (1140, 560)], "#dcd5cb")
    s.poly([(1030, 330), (1060, 318), (1170, 318), (1140, 330)], "#ffffff")
    s.ellipse(1098, 262, 40, 48, "none", stroke="#c56b3c", stroke_width=18)
    s.rect(1089, 298, 18, 24, "#8a4a2a")
    # rope barrier posts
    for x in (80, 330):
        s.rect(x - 4, 500, 8, 95, "#b8913f")
        s.ellipse(x, 598, 18, 5, "#7a5a20")
        s.circle(x, 500, 7, "#d7b560")
    s.path("M80,505 Q205,560 330,505", "none", stroke="#9b2226", stroke_width=6,
           stroke_linecap="round")
    # the bench
    s.ellipse(600, 640, 300, 18, "#000000", opacity=0.18)
    s.rect(320, 560, 560, 30, "#2f2b2a", rx=6)
    s.rect(320, 556, 560, 8, "#4a4442", rx=4)
    for x in (350, 830):
        s.rect(x, 590, 20, 48, "#9ca3ab")
        s.rect(x - 10, 634, 40, 6, "#6c737a")


def data_centre(s, rng):
    s.rect(0, 0, W, H, "#07121f")
    vx, vy = 600, 330
    # ceiling light strips
    for k in (-2, -1, 0, 1, 2):
        x0 = vx + k * 230
        s.poly([(x0 - 40, 0), (x0 + 40, 0), (vx + k * 23 + 4, vy - 60), (vx + k * 23 - 4, vy - 60)],
               "#bfe6ff", opacity=0.12 if k else 0.2)
    s.poly([(vx - 50, 0), (vx + 50, 0), (vx + 6, vy - 60), (vx - 6, vy - 60)], "#e8f6ff",
           opacity=0.35)
    # floor tiles
    s.poly([(0, H), (W, H), (vx + 130, vy + 70), (vx - 130, vy + 70)],
           s.lin([(0, "#1b3550"), (1, "#0d1b2c")], 0, 1, 0, 0))
    for k in range(-8, 9):
        s.line(vx + k * 16, vy + 70, vx + k * 150, H, "#2d557c", 1.2, opacity=0.7)
    for k in range(1, 14):
        y = vy + 345 / (1 + k * 0.35) - 0
        if y > H:
            continue
        s.line(0, y, W, y, "#2d557c", 1.2, opacity=0.5)
    s.poly([(vx - 40, H), (vx + 40, H), (vx + 4, vy + 70), (vx - 4, vy + 70)], "#5fd0ff",
           opacity=0.08)
    # far wall with a lit doorway
    s.rect(vx - 130, vy - 80, 260, 150, "#0f2236")
    s.rect(vx - 22, vy - 40, 44, 110, "#6fe3ff", opacity=0.55)
    s.glow(vx, vy + 10, 120, "#4fd8ff", 0.35)
    # rack walls on both sides: depth z maps to x = vx -/+ 560 / z
    leds = ["#39ff88", "#39ff88", "#39ff88", "#3ad0ff", "#3ad0ff", "#ffb347", "#ff5a6a"]
    for side in (-1, 1):
        def edge(z):
            x = vx + side * 640 / z
            return (x, vy - 270 / z), (x, vy + 290 / z)
        z = 1.0
        racks = []
        while z < 4.9:
            racks.append((z, min(z + 0.42, 4.9)))
            z += 0.45
        for z0, z1 in reversed(racks):
            (ax, at), (_, ab) = edge(z0)
            (bx, bt), (_, bb) = edge(z1)
            q = ((ax, at), (bx, bt), (bx, bb), (ax, ab))
            s.poly(q, "#142234")
            inner = (quad_point(q, 0.05, 0.03), quad_point(q, 0.95, 0.03),
                     quad_point(q, 0.95, 0.97), quad_point(q, 0.05, 0.97))
            s.poly(inner, "#1c2e45")
            for r in range(1, 14):
                v = r / 14
                p, p2 = quad_point(inner, 0, v), quad_point(inner, 1, v)
                s.line(p[0], p[1], p2[0], p2[1], "#0d1826", max(0.6, 2.5 / z0))
            for r in range(14):
                v = (r + 0.5) / 14
                for c in range(3):
                    if rng.random() < 0.6:
                        u = 0.15 + c * 0.1 + rng.uniform(0, 0.05)
                        p = quad_point(inner, u, v)
                        col = rng.choice(leds)
                        rr = max(0.8, 3.2 / z0)
                        s.circle(p[0], p[1], rr, col)
                        if rr > 2.4 and rng.random() < 0.3:
                            s.circle(p[0], p[1], rr * 3, col, opacity=0.18)
                u = 0.6
                p, p2 = quad_point(inner, u, v), quad_point(inner, 0.9, v)
                s.line(p[0], p[1], p2[0], p2[1], "#2b4566", max(0.6, 3 / z0))
        # top of the racks and the cable tray above
        (ax, at), _ = edge(1.0)
        (bx, bt), _ = edge(4.9)
        s.poly([(ax, at), (bx, bt), (bx, bt - 24 / 4.9), (ax, at - 24)], "#0c1828")
        s.poly([(ax, at - 70), (bx, bt - 70 / 4.9), (bx, bt - 40 / 4.9), (ax, at - 40)],
               "#f2b134", opacity=0.55)
    s.glow(vx, vy, 420, "#2a7fff", 0.12)


def fishing_dhows(s, rng):
    hz = 360
    s.rect(0, 0, W, hz + 2, s.lin([(0, "#7fbde4"), (0.7, "#f3d9b6"), (1, "#fbe6c5")]))
    s.glow(240, 170, 140, "#fff6e0", 0.8)
    s.circle(240, 170, 36, "#fff8e8")
    cloud(s, 760, 110, 0.7, "#ffffff", opacity=0.6)
    # far shore: low houses and wind towers
    x = -10
    while x < W:
        w = rng.uniform(50, 110)
        h = rng.uniform(22, 55)
        col = rng.choice(["#e7c89d", "#dcb889", "#efd7b2"])
        s.rect(x, hz - h, w, h + 2, col)
        if rng.random() < 0.35:
            tw = 22
            tx = x + w / 2 - tw / 2
            s.rect(tx, hz - h - 40, tw, 40, col)
            for k in range(3):
                s.rect(tx + 3 + k * 6.5, hz - h - 36, 3, 18, "#a7835a")
        x += w
    for px in (90, 520, 1010):
        s.line(px, hz, px + 6, hz - 70, "#6d5a3a", 5)
        for a in range(7):
            ang = -math.pi + a * math.pi / 6
            s.path(f"M{px + 6},{hz - 70} Q{px + 6 + math.cos(ang) * 22},{hz - 70 + math.sin(ang) * 22 - 6} "
                   f"{fmt(px + 6 + math.cos(ang) * 38)},{fmt(hz - 70 + math.sin(ang) * 26 + 10)}",
                   "none", stroke="#4f7a45", stroke_width=5, stroke_linecap="round")
    # sea
    s.rect(0, hz, W, H - hz, s.lin([(0, "#5fb8bf"), (0.5, "#2f8aa0"), (1, "#1c5f7d")]))
    for _ in range(90):
        y = rng.uniform(hz + 6, H)
        w = (y - hz) * rng.uniform(0.15, 0.45)
        x = rng.uniform(0, W)
        s.line(x, y, x + w, y, "#c8f0ef", max(1, (y - hz) / 110), opacity=0.5,
               stroke_linecap="round")

    def dhow(x, y, L, hull, sail):
        def P(u, v):
            return (x + u * L, y + v * L)
        s.path(f"M{pts([P(0.02, 0.02)])} Q{pts([P(0.45, 0.2), P(1.0, -0.02)])} Z", hull,
               opacity=0.3)  # reflection
        d = (f"M{pts([P(0.0, -0.2)])} L{pts([P(0.07, 0.03)])} Q{pts([P(0.45, 0.09), P(0.85, 0.0)])}"
             f" L{pts([P(1.06, -0.24)])} L{pts([P(1.0, -0.25)])} "
             f"Q{pts([P(0.6, -0.09), P(0.06, -0.16)])} L{pts([P(0.02, -0.22)])} Z")
        s.path(d, hull)
        s.path(f"M{pts([P(0.01, -0.19)])} Q{pts([P(0.6, -0.07), P(1.02, -0.235)])}", "none",
               stroke="#f1e4c8", stroke_width=max(1.5, L * 0.012))
        s.path(f"M{pts([P(0.06, 0.0)])} Q{pts([P(0.45, 0.07), P(0.86, -0.02)])}", "none",
               stroke="#3b2414", stroke_width=max(1.5, L * 0.02), opacity=0.6)
        s.poly([P(0.06, -0.17), P(0.28, -0.145), P(0.28, -0.26), P(0.06, -0.28)], "#e9dcc0")
        s.poly([P(0.04, -0.29), P(0.3, -0.27), P(0.3, -0.255), P(0.04, -0.275)], "#6b4424")
        s.line(*P(0.58, -0.12), *P(0.55, -0.82), "#4a2e18", max(1.5, L * 0.014))
        if sail:
            s.path(f"M{pts([P(0.16, -0.45)])} L{pts([P(1.0, -1.02)])} "
                   f"Q{pts([P(0.82, -0.4), P(0.6, -0.14)])} Z", "#f6eedc")
            s.line(*P(0.14, -0.44), *P(1.02, -1.03), "#4a2e18", max(1.2, L * 0.009))
        else:
            s.line(*P(0.2, -0.45), *P(0.95, -0.7), "#4a2e18", max(1.2, L * 0.012))
            s.path(f"M{pts([P(0.25, -0.47)])} Q{pts([P(0.58, -0.52), P(0.9, -0.69)])}", "none",
                   stroke="#efe3c8", stroke_width=max(2, L * 0.03), stroke_linecap="round")
    dhow(760, hz + 30, 130, "#7a5232", True)
    dhow(90, hz + 70, 240, "#8b5a2b", False)
    dhow(560, hz + 130, 330, "#9a6233", False)
    dhow(880, hz + 110, 200, "#6f4a2c", True)
    # wooden jetty in the foreground
    s.poly([(0, 590), (440, 612), (440, 626), (0, 612)], "#6b4a2e")
    s.poly([(0, 580), (440, 604), (440, 612), (0, 590)], "#9b7149")
    for k in range(8):
        x = 20 + k * 56
        s.rect(x, 600 + k * 1.4, 12, 90, "#5a3c24")
    birds(s, rng, 4, 380, 90, 620, 200, "#3b4a5a", 12)


def rain_clouds_city(s, rng):
    s.rect(0, 0, W, H, s.lin([(0, "#47536a"), (0.6, "#7d8ca0"), (1, "#5a677b")]))
    for row, (col, y0, r0) in enumerate([("#5c6a7e", 200, 60), ("#3d4859", 150, 75),
                                         ("#2c3543", 90, 90)]):
        x = -60 + row * 30
        while x < W + 80:
            r = r0 * rng.uniform(0.75, 1.2)
            s.circle(x, y0 - rng.uniform(0, 50), r, col)
            x += r * 1.1
        s.rect(0, 0, W, y0 - 40, col)
    s.glow(870, 250, 140, "#eef4ff", 0.3)
    s.path("M880,215 L852,280 L874,278 L846,350 L900,262 L876,264 L900,215 Z", "#f8f5d8",
           opacity=0.85)
    # buildings: back and front rows
    x = -10
    while x < W:
        w = rng.uniform(60, 120)
        h = rng.uniform(150, 300)
        s.rect(x, 590 - h, w, h, "#56647a")
        x += w + rng.uniform(0, 8)
    x = -20
    while x < W:
        w = rng.uniform(80, 140)
        h = rng.uniform(110, 250)
        s.rect(x, 590 - h, w, h, "#2f3a4b")
        s.rect(x - 4, 590 - h - 6, w + 8, 8, "#263040")
        for wy in range(int(590 - h + 16), 570, 24):
            for wx in range(int(x + 10), int(x + w - 14), 20):
                if rng.random() < 0.22:
                    s.rect(wx, wy, 9, 12, "#e9c46a", opacity=0.8)
                else:
                    s.rect(wx, wy, 9, 12, "#3f4b5e")
        x += w + rng.uniform(6, 20)
    # wet street with reflections and puddles
    s.rect(0, 590, W, H - 590, s.lin([(0, "#2a3341"), (1, "#3b4657")]))
    s.rect(0, 588, W, 5, "#1c232e")
    for _ in range(40):
        x = rng.uniform(0, W)
        s.rect(x, 600, rng.uniform(4, 10), rng.uniform(20, 60), "#e9c46a",
               opacity=round(rng.uniform(0.12, 0.3), 2))
    for _ in range(6):
        x, y = rng.uniform(40, W - 40), rng.uniform(615, 660)
        s.ellipse(x, y, rng.uniform(40, 90), 7, "#8a9bb3", opacity=0.35)
        s.ellipse(x, y, 14, 3, "none", stroke="#c7d3e3", stroke_width=1, opacity=0.6)
    # two umbrellas for a splash of colour
    for ux, col, sc in ((300, "#e63946", 1.0), (820, "#f4c430", 0.85)):
        base = 640
        s.line(ux - 6 * sc, base, ux - 4 * sc, base - 40 * sc, "#1b2029", 6 * sc)
        s.line(ux + 6 * sc, base, ux + 4 * sc, base - 40 * sc, "#1b2029", 6 * sc)
        s.rect(ux - 12 * sc, base - 82 * sc, 24 * sc, 46 * sc, "#1b2029", rx=9 * sc)
        s.line(ux, base - 82 * sc, ux, base - 112 * sc, "#1b2029", 2.5)
        s.path(f"M{fmt(ux - 50 * sc)},{fmt(base - 86 * sc)} "
               f"Q{fmt(ux)},{fmt(base - 150 * sc)} {fmt(ux + 50 * sc)},{fmt(base - 86 * sc)} "
               f"Q{fmt(ux + 25 * sc)},{fmt(base - 96 * sc)} {fmt(ux)},{fmt(base - 86 * sc)} "
               f"Q{fmt(ux - 25 * sc)},{fmt(base - 96 * sc)} {fmt(ux - 50 * sc)},"
               f"{fmt(base - 86 * sc)} Z", col)
        s.ellipse(ux, base + 4, 30 * sc, 4, "#000000", opacity=0.25)
    # rain
    for _ in range(230):
        x = rng.uniform(-60, W + 20)
        y = rng.uniform(-20, H)
        ln = rng.uniform(22, 46)
        s.line(x, y, x + ln * 0.25, y + ln, "#d6e2f0", 1.4, opacity=round(rng.uniform(0.25, 0.55), 2))


def runner(s, x, y, sc, phase, shirt, shorts, skin="#2b2f3a", shoe="#f2f2f2"):
    """A running figure in profile, facing right; (x, y) is the ground under the body."""
    def P(px, py):
        return (x + px * sc, y + (py - 75) * sc)
    if phase:
        fl = [(0, 0), (26, 26), (16, 70)]          # front leg planted
        bl = [(0, 0), (-12, 36), (-40, 48)]        # back leg kicked up
        fa = [(10, -62), (26, -42), (40, -52)]
        ba = [(10, -62), (-8, -44), (-4, -28)]
    else:
        fl = [(0, 0), (30, 18), (30, 56)]
        bl = [(0, 0), (-6, 38), (-24, 72)]
        fa = [(10, -62), (0, -40), (12, -30)]
        ba = [(10, -62), (28, -46), (38, -60)]
    back = "#1a1d25"
    s.pline([P(*p) for p in ba], back, 9 * sc)
    s.pline([P(*p) for p in bl], back, 11 * sc)
    s.circle(*P(*bl[-1]), 5.5 * sc, shoe, opacity=0.8)
    s.pline([P(*bl[0]), lerp2(P(*bl[0]), P(*bl[1]), 0.45)], shorts, 15 * sc)
    s.pline([P(0, 0), P(10, -64)], shirt, 23 * sc)
    s.rect(P(8, -46)[0], P(8, -46)[1], 12 * sc, 10 * sc, "#ffffff")
    s.pline([P(*p) for p in fl], skin, 11 * sc)
    s.circle(*P(*fl[-1]), 5.5 * sc, shoe)
    s.pline([P(*fl[0]), lerp2(P(*fl[0]), P(*fl[1]), 0.45)], shorts, 15 * sc)
    s.pline([P(*p) for p in fa], skin, 9 * sc)
    s.pline([P(10, -64), P(14, -72)], skin, 9 * sc)
    s.circle(*P(17, -84), 11 * sc, skin)
    s.pline([P(7, -90), P(26, -86)], shirt, 4 * sc, opacity=0.9)


def marathon_runners(s, rng):
    s.rect(0, 0, W, H, s.lin([(0, "#75b4e2"), (0.55, "#c7e3f1"), (0.75, "#fbe6bf")]))
    s.glow(160, 120, 160, "#fff6d8", 0.7)
    s.circle(160, 120, 36, "#fffaf0")
    cloud(s, 720, 90, 0.6, "#ffffff", opacity=0.8)
    x = -20
    while x < W:
        w = rng.uniform(50, 110)
        h = rng.uniform(120, 260)
        s.rect(x, 440 - h, w, h, "#b7c8d8")
        x += w + rng.uniform(0, 10)
    x = -30
    while x < W:
        w = rng.uniform(70, 130)
        h = rng.uniform(60, 160)
        s.rect(x, 440 - h, w, h, "#93a9bf")
        for wy in range(int(440 - h + 14), 430, 22):
            s.rect(x + 8, wy, w - 16, 6, "#a9bdd0")
        x += w + rng.uniform(10, 40)
    # trees
    for k in range(9):
        tx = 40 + k * 140 + rng.uniform(-20, 20)
        s.rect(tx - 4, 400, 8, 50, "#6b5a48")
        s.circle(tx, 390, 34, "#5d9b5a")
        s.circle(tx - 18, 405, 22, "#4f8a4d")
        s.circle(tx + 18, 402, 24, "#6aab62")
    s.rect(0, 446, W, 30, "#d9d2c4")  # pavement
    # barriers with bunting above
    s.path("M0,330 Q150,370 300,335 Q450,370 600,335 Q750,370 900,335 Q1050,370 1200,330",
           "none", stroke="#5f6670", stroke_width=1.5)
    fl = ["#e63946", "#f4c430", "#2a9d8f", "#457b9d", "#ffffff"]
    for k in range(40):
        xx = k * 30 + 8
        seg = (xx % 300) / 300
        yy = 330 + 35 * 4 * seg * (1 - seg) + (5 if xx > 300 else 0) * 0
        s.poly([(xx - 8, yy), (xx + 8, yy), (xx, yy + 18)], fl[k % len(fl)])
    for k in range(13):
        bx = k * 96
        s.rect(bx, 446, 90, 34, "#f5f5f5", opacity=0.95)
        for j in range(4):
            s.line(bx + 8 + j * 22, 450, bx + 8 + j * 22, 476, "#c7ccd3", 3)
        s.rect(bx, 444, 90, 5, "#2a9d8f")
    s.rect(0, 480, W, H - 480, s.lin([(0, "#6b7079"), (1, "#4a4e57")]))
    s.rect(0, 486, W, 4, "#f2f2f2", opacity=0.8)
    s.rect(0, 560, W, 5, "#4fa3e0", opacity=0.9)  # the painted race line
    shirts = [("#e63946", "#1d3557"), ("#f4a261", "#264653"), ("#2a9d8f", "#1b1b1b"),
              ("#ffd166", "#3d405b"), ("#8338ec", "#22223b"), ("#06d6a0", "#073b4c"),
              ("#ef476f", "#2b2d42")]
    pos = [(120, 540, 0.95), (330, 532, 0.9), (540, 546, 1.0), (760, 536, 0.92), (950, 544, 0.98),
           (230, 640, 1.45), (680, 655, 1.55), (1080, 638, 1.4)]
    for i, (x, y, sc) in enumerate(pos):
        s.ellipse(x + 6 * sc, y + 2, 34 * sc, 5 * sc, "#000000", opacity=0.2)
        runner(s, x, y, sc, i % 2, *shirts[i % len(shirts)])


def oil_tanker_sea(s, rng):
    hz = 392
    s.rect(0, 0, W, hz + 2, s.lin([(0, "#8fc5ea"), (1, "#e8f4fb")]))
    cloud(s, 200, 120, 0.9, "#ffffff", opacity=0.9)
    cloud(s, 900, 80, 0.7, "#ffffff", opacity=0.85)
    cloud(s, 1100, 210, 0.45, "#ffffff", opacity=0.7)
    s.rect(0, hz, W, H - hz, s.lin([(0, "#3c8dbf"), (1, "#123f66")]))
    s.rect(1050, hz - 8, 30, 8, "#7a8ea3")
    s.rect(1058, hz - 16, 8, 8, "#7a8ea3")
    for _ in range(70):
        y = rng.uniform(hz + 6, H)
        w = (y - hz) * rng.uniform(0.2, 0.6)
        x = rng.uniform(0, W)
        s.line(x, y, x + w, y, "#a9d6f0", max(1, (y - hz) / 100), opacity=0.4,
               stroke_linecap="round")
    wl = 452
    # wake and reflection
    s.path(f"M175,{wl} L1070,{wl} L1050,{wl + 36} L190,{wl + 36} Z",
           s.lin([(0, "#0f2a40", 0.55), (1, "#0f2a40", 0)]))
    for k, (dy, ln) in enumerate(((4, 170), (12, 140), (22, 110))):
        s.path(f"M175,{wl + dy} Q{175 - ln * 0.5},{wl + dy + 4} {175 - ln},{wl + dy + 14 + k * 6}",
               "none", stroke="#ffffff", stroke_width=4 - k, opacity=0.55 - k * 0.12,
               stroke_linecap="round")
    # hull: red below the waterline band, dark above, a raised bow to the right
    s.path(f"M150,{wl - 86} L1030,{wl - 86} L1095,{wl - 104} L1070,{wl} L175,{wl} "
           f"Q150,{wl - 30} 150,{wl - 86} Z", "#243a55")
    s.path(f"M164,{wl - 22} L1078,{wl - 22} L1070,{wl} L175,{wl} Q166,{wl - 8} 164,{wl - 22} Z",
           "#b23a30")
    s.line(150, wl - 86, 1030, wl - 86, "#e8edf2", 3)
    s.line(1030, wl - 86, 1095, wl - 104, "#e8edf2", 3)
    # deck pipework, manifold crane and catwalk
    s.line(320, wl - 94, 1010, wl - 94, "#8a97a6", 3)
    for k in range(16):
        s.line(330 + k * 44, wl - 86, 330 + k * 44, wl - 96, "#8a97a6", 2)
    s.line(640, wl - 86, 640, wl - 150, "#f0a830", 5)
    s.line(640, wl - 150, 720, wl - 112, "#f0a830", 4)
    s.rect(610, wl - 100, 60, 14, "#c8d1da")
    s.poly([(1010, wl - 86), (1060, wl - 98), (1060, wl - 110), (1010, wl - 100)], "#31496a")
    s.line(1045, wl - 110, 1045, wl - 150, "#c8d1da", 3)
    # superstructure and funnel at the stern
    s.rect(172, wl - 120, 50, 36, "#c75a3a")
    s.rect(158, wl - 205, 40, 100, "#e9edf0")
    s.rect(158, wl - 195, 40, 12, "#e76f51")
    s.rect(152, wl - 212, 52, 10, "#2b2d35")
    s.rect(200, wl - 180, 110, 95, "#f4f6f8")
    s.rect(192, wl - 186, 126, 10, "#dde3e9")
    for r in range(4):
        s.rect(208, wl - 170 + r * 20, 96, 6, "#3b4d63")
    s.line(260, wl - 186, 260, wl - 230, "#6c7a89", 3)
    s.line(246, wl - 220, 274, wl - 220, "#6c7a89", 2)
    s.ellipse(288, wl - 96, 20, 7, "#f08a24")
    # bow wave
    s.path(f"M1030,{wl + 1} Q1060,{wl - 5} 1074,{wl - 8} Q1096,{wl - 1} 1118,{wl + 6} "
           f"Q1070,{wl + 8} 1030,{wl + 1} Z", "#ffffff", opacity=0.85)
    s.path(f"M1100,{wl + 6} Q1150,{wl + 14} 1200,{wl + 32}", "none", stroke="#ffffff",
           stroke_width=3, opacity=0.5, stroke_linecap="round")
    birds(s, rng, 4, 420, 160, 700, 260, "#3f5870", 12)


def classroom_laptops(s, rng):
    vx, vy = 600, 300
    fw = (250, 120, 950, 430)  # front wall
    s.rect(0, 0, W, H, "#e6dcc9")
    s.poly([(0, 0), (W, 0), (fw[2], fw[1]), (fw[0], fw[1])], "#f4efe4")  # ceiling
    # simple ceiling light panels
    for k in (-1, 0, 1):
        for (yy, sc) in ((30, 1.6), (85, 1.2)):
            s.poly([(vx + k * 250 * sc / 1.6 - 50 * sc / 1.6, yy),
                    (vx + k * 250 * sc / 1.6 + 50 * sc / 1.6, yy),
                    (vx + k * 250 * sc / 1.6 + 44 * sc / 1.6, yy + 14),
                    (vx + k * 250 * sc / 1.6 - 44 * sc / 1.6, yy + 14)], "#ffffff")
    s.poly([(0, 0), (fw[0], fw[1]), (fw[0], fw[3]), (0, H)], "#dcd2bf")  # left wall
    s.poly([(W, 0), (fw[2], fw[1]), (fw[2], fw[3]), (W, H)], "#e2d8c6")  # right wall
    s.rect(fw[0], fw[1], fw[2] - fw[0], fw[3] - fw[1], "#efe6d3")
    s.poly([(0, H), (W, H), (fw[2], fw[3]), (fw[0], fw[3])], "#b9c7cf")  # floor
    for k in range(-12, 13):
        s.line(vx + k * 50 * 1.0, fw[3], vx + k * 150, H, "#a8b7c0", 1.2)
    # windows on the left wall
    for a, b in ((0.12, 0.42), (0.5, 0.78)):
        def lw(t, v):
            x = lerp(0, fw[0], t)
            top = lerp(40, fw[1] + 30, t)
            bot = lerp(420, fw[3] - 90, t)
            return (x, lerp(top, bot, v))
        q = [lw(a, 0), lw(b, 0), lw(b, 1), lw(a, 1)]
        s.poly(q, "#f8f4ec")
        inner = [quad_point(q, 0.06, 0.05), quad_point(q, 0.94, 0.05), quad_point(q, 0.94, 0.95),
                 quad_point(q, 0.06, 0.95)]
        s.poly(inner, s.lin([(0, "#7cc3ef"), (1, "#d4eefb")]))
        p1, p2 = quad_point(inner, 0.5, 0), quad_point(inner, 0.5, 1)
        s.line(*p1, *p2, "#f8f4ec", 5)
        p1, p2 = quad_point(inner, 0, 0.55), quad_point(inner, 1, 0.55)
        s.line(*p1, *p2, "#f8f4ec", 5)
        t1, t2 = quad_point(inner, 0.1, 0.62), quad_point(inner, 0.9, 0.62)
        s.path(f"M{pts([quad_point(inner, 0, 0.9)])} Q{pts([quad_point(inner, 0.3, 0.55)])} "
               f"{pts([quad_point(inner, 0.6, 0.85)])} L{pts([quad_point(inner, 1, 0.8)])} "
               f"L{pts([quad_point(inner, 1, 1)])} L{pts([quad_point(inner, 0, 1)])} Z", "#8cc084")
    # pinboard on the right wall with coloured cards
    q = [(fw[2] + 40, 170), (1130, 110), (1130, 330), (fw[2] + 40, 310)]
    s.poly(q, "#c89c6a")
    for k in range(8):
        u, v = 0.1 + (k % 4) * 0.21, 0.15 + (k // 4) * 0.42
        cq = [quad_point(q, u, v), quad_point(q, u + 0.15, v), quad_point(q, u + 0.15, v + 0.3),
              quad_point(q, u, v + 0.3)]
        s.poly(cq, ["#ffd166", "#ef476f", "#06d6a0", "#118ab2"][k % 4])
    # whiteboard with a sketched chart, no writing
    s.rect(380, 165, 440, 180, "#9aa3ad")
    s.rect(386, 171, 428, 168, "#fbfdff")
    s.pline([(420, 310), (480, 270), (540, 285), (610, 220), (680, 240), (760, 190)], "#2a6fdb", 4)
    s.line(410, 320, 790, 320, "#555f6b", 3)
    s.line(410, 320, 410, 185, "#555f6b", 3)
    s.circle(700, 290, 22, "none", stroke="#e63946", stroke_width=4)
    s.rect(380, 345, 440, 8, "#c2c8cf")
    s.rect(560, 360, 80, 60, "#8a6a4a")  # teacher's desk at the front
    # rows of desks with open laptops facing us
    def floor_y(k):
        return vy + 130 * k
    rows = [1.35, 1.85, 2.55]
    chair_cols = ["#2a9d8f", "#f4a261", "#457b9d", "#e76f51"]
    for r, k in enumerate(rows):
        dy = vy + 52 * k          # desk top (front edge) at depth k
        depth = 0.12 * k
        for side in (-1, 1):
            x_in = vx + side * 40 * k
            x_out = vx + side * 330 * k
            xa, xb = sorted((x_in, x_out))
            kb = k - 0.18
            ba, bb = sorted((vx + side * 40 * kb, vx + side * 330 * kb))
            top_back = vy + 52 * kb
            s.poly([(ba, top_back), (bb, top_back), (xb, dy), (xa, dy)], "#d9b98b")
            s.rect(xa, dy, xb - xa, 10 * k, "#b08a5a")
            for lx in (xa + 8 * k, xb - 14 * k):
                s.rect(lx, dy + 10 * k, 6 * k, floor_y(k) - dy - 10 * k, "#7d8a96")
            n = 3
            for j in range(n):
                cx = lerp(xa, xb, (j + 0.5) / n)
                lw2, lh = 46 * k, 32 * k
                sy = dy - depth * 60 - lh
                s.poly([(cx - lw2 / 2, sy + lh), (cx + lw2 / 2, sy + lh),
                        (cx + lw2 / 2 + 4 * k, dy - 6 * k), (cx - lw2 / 2 - 4 * k, dy - 6 * k)],
                       "#aab3bd")
                s.rect(cx - lw2 / 2, sy, lw2, lh, "#3a3f4a", rx=2 * k)
                s.rect(cx - lw2 / 2 + 3 * k, sy + 3 * k, lw2 - 6 * k, lh - 6 * k,
                       s.lin([(0, "#8fd8ff"), (1, "#3f8fd6")]))
                s.poly([(cx - lw2 / 2 + 3 * k, sy + lh - 3 * k), (cx, sy + 8 * k),
                        (cx + lw2 / 2 - 3 * k, sy + lh - 3 * k)], "#ffffff", opacity=0.25)
                # chair back in front of the desk
                ch = chair_cols[(r + j + (side > 0)) % len(chair_cols)]
                s.rect(cx - 20 * k, dy + 18 * k, 40 * k, 22 * k, ch, rx=6 * k)
                s.rect(cx - 16 * k, dy + 40 * k, 4 * k, floor_y(k) - dy - 40 * k + 10 * k,
                       "#5b6570")
                s.rect(cx + 12 * k, dy + 40 * k, 4 * k, floor_y(k) - dy - 40 * k + 10 * k,
                       "#5b6570")


def plane(s, x, y, sc, angle, body="#f7f9fb", accent="#0f7c8a"):
    s.open(transform=f"translate({fmt(float(x))},{fmt(float(y))}) rotate({angle}) "
                     f"scale({sc})")
    s.poly([(-150, -6), (-185, -68), (-160, -68), (-110, -10)], accent)      # fin
    s.poly([(-170, -4), (-200, 6), (-150, 8)], "#c9d2dc")                    # tailplane
    s.path("M-170,-14 L120,-14 Q175,-12 182,6 Q170,20 120,20 L-150,20 Q-175,14 -170,-14 Z",
           body)
    s.rect(-150, 8, 290, 5, accent, opacity=0.8)
    for k in range(22):
        s.circle(-120 + k * 11, -3, 2.6, "#3b4d63")
    s.path("M150,-6 L168,-6 Q174,-2 172,2 L150,2 Z", "#3b4d63")
    s.poly([(-10, 8), (50, 8), (-40, 62), (-62, 62)], "#d3dbe3")            # wing
    s.rect(-8, 22, 46, 18, "#b9c3cd", rx=9)                                 # engine
    s.close()


def airport_terminal(s, rng):
    s.rect(0, 0, W, H, "#2d3a4f")
    # outside, through the glass wall
    top, bot = 70, 470
    s.rect(0, top, W, bot - top, s.lin([(0, "#5fa9e0"), (1, "#d4ecf8")]))
    cloud(s, 250, 160, 0.7, "#ffffff", opacity=0.8)
    cloud(s, 980, 130, 0.5, "#ffffff", opacity=0.7)
    s.path(smooth(ridge(rng, 400, 30, 140), 420), "#9fb6c8")
    s.rect(0, 410, W, 60, "#8c959f")
    s.line(0, 440, W, 440, "#f2e8a0", 2, opacity=0.8)
    plane(s, 640, 250, 1.5, -12)
    # a parked tail and a jet bridge
    s.poly([(980, 410), (1010, 330), (1040, 330), (1050, 410)], "#e76f51")
    s.rect(880, 392, 320, 24, "#e9edf1")
    s.rect(0, 395, 300, 30, "#c5ccd3")
    s.rect(260, 380, 60, 50, "#aab2ba")
    # glass wall frame
    for k in range(9):
        s.rect(k * 150 - 4, top, 8, bot - top, "#1f2a3a")
    s.rect(0, 250, W, 6, "#1f2a3a")
    s.rect(0, top - 6, W, 10, "#1f2a3a")
    # roof structure
    s.rect(0, 0, W, top - 2, s.lin([(0, "#e8ecf0"), (1, "#c3ccd6")]))
    for k in range(-2, 14):
        s.line(k * 100, 0, k * 100 + 40, top - 2, "#9aa6b3", 3)
    for k in range(8):
        s.circle(75 + k * 150, top - 20, 6, "#fff9e0")
    # glossy floor with reflections of the glass
    s.rect(0, bot, W, H - bot, s.lin([(0, "#c9d1da"), (1, "#9aa6b3")]))
    for k in range(9):
        s.rect(k * 150 + 20, bot + 10, 110, 130, s.lin([(0, "#ffffff", 0.35), (1, "#ffffff", 0)]))
    s.rect(0, bot, W, 8, "#6f7b88")
    # seats, a suitcase and a plant in the foreground
    for row, (y, sc) in enumerate(((560, 1.0),)):
        for k in range(8):
            x = 170 + k * 74
            s.rect(x, y - 40, 64, 46, "#27446b", rx=10)
            s.rect(x + 2, y, 60, 20, "#1f3758", rx=6)
        s.rect(170, y + 20, 590, 8, "#5c6a7a")
        for x in (200, 460, 720):
            s.rect(x, y + 28, 8, 42, "#5c6a7a")
        s.ellipse(465, y + 74, 320, 8, "#000000", opacity=0.12)
    s.rect(860, 520, 70, 100, "#e76f51", rx=10)
    s.rect(880, 500, 30, 24, "none", stroke="#3a3f4a", stroke_width=5, rx=4)
    for x in (872, 918):
        s.circle(x, 624, 6, "#2b2d35")
    s.ellipse(895, 632, 50, 5, "#000000", opacity=0.15)
    s.rect(1040, 560, 70, 70, "#d9c8a9")
    for a in range(9):
        ang = -math.pi / 2 + (a - 4) * 0.32
        s.path(f"M1075,560 Q{fmt(1075 + math.cos(ang) * 60)},{fmt(560 + math.sin(ang) * 60 - 20)} "
               f"{fmt(1075 + math.cos(ang) * 95)},{fmt(560 + math.sin(ang) * 90 + 10)}", "none",
               stroke=["#2f7d4f", "#3f9a60"][a % 2], stroke_width=10, stroke_linecap="round")


def palm(s, rng, x, y, h, lean, sc, trunk="#9b7448", leaf=("#3f7d3a", "#5a9a45"), dates=True):
    cx, cy = x + lean, y - h
    ctrl = (x + lean * 0.2, y - h * 0.5)
    bw, tw = 16 * sc, 11 * sc
    s.path(f"M{fmt(x - bw)},{y} Q{fmt(ctrl[0] - (bw + tw) / 2)},{fmt(ctrl[1])} "
           f"{fmt(cx - tw)},{fmt(cy)} L{fmt(cx + tw)},{fmt(cy)} "
           f"Q{fmt(ctrl[0] + (bw + tw) / 2)},{fmt(ctrl[1])} {fmt(x + bw)},{y} Z", trunk)
    n = int(h / (12 * sc))
    for k in range(1, n):
        t = k / n
        px = (1 - t) ** 2 * x + 2 * (1 - t) * t * ctrl[0] + t * t * cx
        py = (1 - t) ** 2 * y + 2 * (1 - t) * t * ctrl[1] + t * t * cy
        w = lerp(bw, tw, t)
        s.pline([(px - w, py - 3 * sc), (px, py + 3 * sc), (px + w, py - 3 * sc)], "#6e5032",
                2 * sc)
    # date bunches hanging under the crown
    if dates:
        for k, ang in enumerate((-2.4, -1.9, -1.2, -0.7)):
            bx = cx + math.cos(ang + math.pi) * 30 * sc
            by = cy + 16 * sc
            s.path(f"M{fmt(cx)},{fmt(cy + 4 * sc)} Q{fmt(bx)},{fmt(by - 14 * sc)} "
                   f"{fmt(bx)},{fmt(by + 12 * sc)}", "none", stroke="#c99a3c",
                   stroke_width=3 * sc)
            col = ["#d9651e", "#b8431c", "#e8a323", "#8c3a1a"][k % 4]
            col2 = ["#f08a2c", "#cf5a25", "#f2bd3d", "#a8492a"][k % 4]
            for j in range(26):
                u = rng.random()
                yy = by + 10 * sc + u * 50 * sc
                ww = (1 - u * 0.75) * 20 * sc
                xx = bx + rng.uniform(-ww, ww)
                s.ellipse(xx, yy, 4.2 * sc, 5.6 * sc, col if j % 3 else col2)
    # fronds: zigzag-edged leaves along curved ribs
    nf = 13
    for k in range(nf):
        ang = math.pi + (k / (nf - 1)) * math.pi + rng.uniform(-0.1, 0.1)
        ln = rng.uniform(110, 150) * sc
        droop = 0.55 + 0.45 * abs(math.cos(ang))
        tip = (cx + math.cos(ang) * ln, cy + math.sin(ang) * ln * 0.55 + droop * ln * 0.55)
        mid = (cx + math.cos(ang) * ln * 0.55, cy + math.sin(ang) * ln * 0.75)
        up, down = [], []
        for i in range(1, 13):
            t = i / 12
            px = (1 - t) ** 2 * cx + 2 * (1 - t) * t * mid[0] + t * t * tip[0]
            py = (1 - t) ** 2 * cy + 2 * (1 - t) * t * mid[1] + t * t * tip[1]
            dx = 2 * (1 - t) * (mid[0] - cx) + 2 * t * (tip[0] - mid[0])
            dy = 2 * (1 - t) * (mid[1] - cy) + 2 * t * (tip[1] - mid[1])
            d = math.hypot(dx, dy) or 1
            nx, ny = -dy / d, dx / d
            w = 22 * sc * math.sin(math.pi * min(1, t * 1.1)) * (1.0 if i % 2 else 0.45)
            up.append((px + nx * w + dx / d * 6 * sc, py + ny * w + dy / d * 6 * sc))
            down.append((px - nx * w + dx / d * 6 * sc, py - ny * w + dy / d * 6 * sc))
        s.poly([(cx, cy)] + up + [tip] + list(reversed(down)), leaf[k % 2])
        s.path(f"M{fmt(cx)},{fmt(cy)} Q{pts([mid, tip])}", "none", stroke="#2c5a2a",
               stroke_width=2 * sc, opacity=0.7)


def date_palms_harvest(s, rng):
    hz = 430
    s.rect(0, 0, W, hz + 2, s.lin([(0, "#8ec3e6"), (0.6, "#f7dcae"), (1, "#f9c98a")]))
    s.glow(980, 330, 220, "#fff2c8", 0.8)
    s.circle(980, 330, 48, "#fff5d8")
    s.path(smooth(ridge(rng, hz - 4, 18, 100), hz + 2), "#d9b58a")
    # distant grove
    for k in range(16):
        x = k * 80 + rng.uniform(-20, 20)
        palm(s, rng, x, hz + 6, rng.uniform(70, 110), rng.uniform(-8, 8), 0.32, "#8f8a6a",
             ("#7d9a72", "#8aa77d"), dates=False)
    s.rect(0, hz, W, H - hz, s.lin([(0, "#ecd3a2"), (1, "#d8b477")]))
    for k in range(6):
        y = hz + 20 + k * k * 8
        s.rect(0, y, W, 3 + k, "#cda86d", opacity=0.5)
    palm(s, rng, 170, 600, 380, 30, 0.9)
    palm(s, rng, 560, 560, 330, -25, 0.8)
    palm(s, rng, 930, 640, 470, 20, 1.1)
    # a ladder against the near palm
    s.line(840, 660, 918, 260, "#7a5230", 7)
    s.line(880, 668, 950, 268, "#7a5230", 7)
    for k in range(1, 14):
        t = k / 14
        a, b = lerp2((840, 660), (918, 260), t), lerp2((880, 668), (950, 268), t)
        s.line(*a, *b, "#8b6038", 5)
    # harvested dates in baskets on a mat
    s.poly([(250, 640), (690, 640), (730, 668), (210, 668)], "#b5443a")
    s.poly([(262, 645), (678, 645), (708, 662), (232, 662)], "none", stroke="#f2c14e",
           stroke_width=2)
    for bx, bw in ((330, 120), (510, 140)):
        for j in range(45):
            u = rng.random()
            s.ellipse(bx + rng.uniform(-bw / 2 + 10, bw / 2 - 10) * (0.6 + 0.4 * u),
                      590 - u * 18, 7, 5, rng.choice(["#8c3a1a", "#a8492a", "#d9651e", "#6e2c12"]))
        s.poly([(bx - bw / 2, 590), (bx + bw / 2, 590), (bx + bw / 2 - 14, 650),
                (bx - bw / 2 + 14, 650)], "#c99a52")
        for k in range(4):
            y = 598 + k * 13
            s.line(bx - bw / 2 + 3 * k + 2, y, bx + bw / 2 - 3 * k - 2, y, "#a57a38", 3)
        s.rect(bx - bw / 2 - 4, 585, bw + 8, 8, "#b3864a", rx=4)


def concert_stage(s, rng):
    s.rect(0, 0, W, H, s.lin([(0, "#0c0620"), (0.6, "#271040"), (1, "#12081f")]))
    # LED screen
    s.rect(320, 150, 560, 290, s.lin([(0, "#ff4fb8"), (0.5, "#7b2ff7"), (1, "#24c8ff")], 0, 0, 1, 1))
    for k in range(6):
        s.circle(600, 300, 40 + k * 36, "none", stroke="#ffffff", stroke_width=3,
                 opacity=round(0.35 - k * 0.05, 2))
    for k in range(20):
        x = 330 + k * 28
        s.line(x, 150, x, 440, "#000000", 1, opacity=0.15)
    # stage, drum riser, mic stand and amps
    s.rect(120, 440, 960, 90, "#1a1024")
    s.rect(120, 436, 960, 8, "#3c2a55")
    for k in range(24):
        s.circle(140 + k * 40, 450, 3, "#ffcf5a", opacity=0.9)
    s.rect(500, 380, 200, 60, "#150c20")
    s.ellipse(600, 385, 44, 40, "#0e0818")
    for x, r in ((545, 20), (655, 22), (520, 14)):
        s.ellipse(x, 370, r, 8, "#0e0818")
        s.line(x, 378, x, 400, "#0e0818", 3)
    s.line(430, 440, 430, 340, "#0e0818", 4)
    s.line(430, 340, 455, 322, "#0e0818", 4)
    for x in (200, 260, 940, 1000):
        s.rect(x - 26, 380, 52, 60, "#140b1e")
        s.circle(x, 410, 14, "#24183a")
    # truss with moving heads
    for x in (120, 1060):
        s.rect(x, 60, 20, 380, "none", stroke="#4b3d63", stroke_width=3)
        for k in range(19):
            s.line(x, 60 + k * 20, x + 20, 80 + k * 20, "#4b3d63", 2)
    s.rect(120, 60, 960, 22, "none", stroke="#4b3d63", stroke_width=3)
    for k in range(48):
        s.line(120 + k * 20, 60, 140 + k * 20, 82, "#4b3d63", 2)
    colours = ["#ff4fd8", "#4fd8ff", "#ffe14f", "#8a5bff", "#4fffa4", "#ff7a4f"]
    heads = [200, 330, 460, 600, 740, 870, 1000]
    for i, x in enumerate(heads):
        col = colours[i % len(colours)]
        tx = x + (i - 3) * 70 + rng.uniform(-60, 60)
        s.poly([(x - 8, 92), (x + 8, 92), (tx + 110, H), (tx - 110, H)],
               s.lin([(0, col, 0.55), (1, col, 0)]))
        s.glow(x, 95, 60, col, 0.8)
        s.rect(x - 12, 82, 24, 18, "#1a1226", rx=4)
    s.glow(600, 460, 500, "#ff4fd8", 0.12)
    # crowd, back rows lighter, front rows black, some hands up
    for row, (y, sc, col) in enumerate(((560, 0.6, "#2a1a3e"), (600, 0.8, "#1a1028"),
                                        (650, 1.0, "#0c0714"), (700, 1.3, "#05030a"))):
        x = -20 + rng.uniform(0, 30)
        while x < W + 30:
            hy = y - rng.uniform(0, 12) * sc
            if rng.random() < 0.22:
                side = rng.choice((-1, 1))
                s.pline([(x + side * 20 * sc, hy + 10 * sc), (x + side * 34 * sc, hy - 40 * sc),
                         (x + side * 30 * sc, hy - 72 * sc)], col, 11 * sc)
                if rng.random() < 0.35:
                    s.rect(x + side * 30 * sc - 5 * sc, hy - 90 * sc, 10 * sc, 16 * sc,
                           "#dff6ff", rx=2)
            s.rect(x - 30 * sc, hy + 12 * sc, 60 * sc, 120 * sc, col, rx=24 * sc)
            s.circle(x, hy - 6 * sc, 18 * sc, col)
            x += rng.uniform(46, 70) * sc


SCENES = {
    "port-cranes-dawn": port_cranes_dawn,
    "desert-highway": desert_highway,
    "city-skyline-dusk": city_skyline_dusk,
    "solar-farm": solar_farm,
    "stadium-floodlights": stadium_floodlights,
    "market-stalls": market_stalls,
    "museum-gallery": museum_gallery,
    "data-centre": data_centre,
    "fishing-dhows": fishing_dhows,
    "rain-clouds-city": rain_clouds_city,
    "marathon-runners": marathon_runners,
    "oil-tanker-sea": oil_tanker_sea,
    "classroom-laptops": classroom_laptops,
    "airport-terminal": airport_terminal,
    "date-palms-harvest": date_palms_harvest,
    "concert-stage": concert_stage,
}


# --------------------------------------------------------------------------------------------
# Conversion
# --------------------------------------------------------------------------------------------

def convert(svg_path, jpg_path, quality):
    if shutil.which("vips"):
        cmd = ["vips", "copy", f"{svg_path}[dpi=72]", f"{jpg_path}[Q={quality},strip]"]
    elif shutil.which("rsvg-convert") and shutil.which("cjpeg"):
        png = svg_path[:-4] + ".png"
        subprocess.run(["rsvg-convert", "-w", str(W), "-h", str(H), "-b", "white", "-o", png,
                        svg_path], check=True)
        cmd = ["sh", "-c", f'pngtopnm "{png}" | cjpeg -quality {quality} -optimize > "{jpg_path}"']
    else:
        sys.exit("make-demo-images: needs `vips` (Debian package libvips-tools)")
    subprocess.run(cmd, check=True)


def main(argv):
    svg_dir = None
    if "--svg-dir" in argv:
        i = argv.index("--svg-dir")
        svg_dir = argv[i + 1]
        del argv[i:i + 2]
    names = argv or list(SCENES)
    unknown = [n for n in names if n not in SCENES]
    if unknown:
        sys.exit(f"make-demo-images: unknown image(s): {', '.join(unknown)}")
    os.makedirs(OUT_DIR, exist_ok=True)
    tmp = svg_dir or tempfile.mkdtemp(prefix="dateline-demo-svg-")
    os.makedirs(tmp, exist_ok=True)
    try:
        for name in names:
            s = Svg()
            SCENES[name](s, random.Random(name))
            svg_path = os.path.join(tmp, name + ".svg")
            with open(svg_path, "w", encoding="utf-8") as f:
                f.write(s.render())
            jpg_path = os.path.join(OUT_DIR, name + ".jpg")
            q = QUALITY
            convert(svg_path, jpg_path, q)
            while os.path.getsize(jpg_path) > MAX_BYTES and q > 60:
                q -= 4
                convert(svg_path, jpg_path, q)
            note = "" if q == QUALITY else f" (quality lowered to {q} to stay under 90 KB)"
            print(f"{name}.jpg  {os.path.getsize(jpg_path) / 1024:.1f} KB{note}")
    finally:
        if not svg_dir:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1:])
