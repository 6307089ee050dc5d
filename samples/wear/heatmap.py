#!/usr/bin/env python3
"""Writes per cell of one crossbar row as an SVG heat map: a program as scheduled, and over RUNS runs with and
without wear levelling (the program's cells rotated by one column per run, as `--wear-levelling` does).

    python3 samples/wear/heatmap.py samples/wear/int2float-live.kasm samples/wear/int2float-wear.kasm > heatmap.svg

Each argument is a .kasm program (`kautz compile … -o P.kasm`); every op that writes a cell counts one write
(an init op one per cell it sets). Standard library only."""
import sys

RUNS = 10


def writes(path):
    """Writes per cell of one run, and the row size."""
    row, counts = 0, {}
    for line in open(path, encoding="utf-8"):
        line = line.split("#")[0].strip()
        if line.startswith(".rowsize"):
            row = int(line.split()[1])
        if not line or line.startswith("."):
            continue
        for op in line.split("|"):
            name, _, rest = op.strip().partition(" ")
            cells = [int(x) for x in rest.replace(" ", "").split(",")]
            if name in ("init0", "init1"):
                targets = cells
            elif name == "imp":
                targets = [cells[1]]
            elif name == "sense":
                targets = cells[:-1]
            else:
                targets = [cells[0]]
            for c in targets:
                counts[c] = counts.get(c, 0) + 1
    return [counts.get(c, 0) for c in range(row)]


def levelled(w, runs):
    """Writes after `runs` runs when run k shifts every cell by k columns (mod the row)."""
    n = len(w)
    return [sum(w[(c - k) % n] for k in range(runs)) for c in range(n)]


def colour(v, top):
    t = 0 if top == 0 else v / top
    return "rgb(%d,%d,%d)" % (255, int(255 * (1 - t)), int(255 * (1 - t) * 0.8))


def main(paths):
    rows = []
    for p in paths:
        w = writes(p)
        name = p.rsplit("/", 1)[-1]
        rows.append(("%s, %d runs" % (name, RUNS), [RUNS * x for x in w]))
        rows.append(("%s, %d runs, levelled" % (name, RUNS), levelled(w, RUNS)))
    top = max(max(r) for _, r in rows)
    size, label = 12, 330
    width = label + size * max(len(r) for _, r in rows) + 80
    out = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="sans-serif" font-size="11">'
           % (width, 30 + 22 * len(rows))]
    out.append('<text x="4" y="14">writes per cell of one row, cell 0 at the left (white 0, red %d)</text>' % top)
    for i, (name, r) in enumerate(rows):
        y = 24 + 22 * i
        out.append('<text x="4" y="%d">%s</text>' % (y + 11, name))
        for c, v in enumerate(r):
            out.append('<rect x="%d" y="%d" width="%d" height="16" fill="%s"><title>cell %d: %d</title></rect>'
                       % (label + size * c, y, size - 1, colour(v, top), c, v))
        out.append('<text x="%d" y="%d">max %d</text>' % (label + size * len(r) + 6, y + 11, max(r)))
    out.append("</svg>")
    print("\n".join(out))


if __name__ == "__main__":
    main(sys.argv[1:])
