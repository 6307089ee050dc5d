package kautz.sim;

import kautz.isa.IoBit;
import kautz.isa.Opcode;
import kautz.isa.PartitionRules;
import kautz.isa.Partitions;
import kautz.isa.Program;
import kautz.ports.Port;
import kautz.ports.Ports;
import kautz.util.Json;

import java.util.ArrayList;
import java.util.List;

/**
 * One self-contained HTML page (no network access, no external files) that steps through a
 * {@link RowTrace}: the row's cells coloured by state, the current op with the cells it reads and writes
 * outlined, the ports' values, and the op listing. A partitioned program steps a cycle at a time: its cells are
 * grouped by partition, the partitions the cycle's ops occupy are marked, and the ops are shown side by side. Keys: ←/→ step, space plays, Home/End jump; the URL
 * fragment {@code #step=N} opens at step N. The trace is embedded as JSON; the script only replays it, so
 * the page shows exactly what the engines computed.
 */
public final class VizPage {
    /** Beyond this the page would be too slow to be useful; {@code kautz trace} or VCD suits long programs. */
    public static final int MAX_OPS = 200_000;

    private VizPage() {}

    public static String html(RowTrace trace, String title) {
        return TEMPLATE.replace("%TITLE%", escapeHtml(title)).replace("%DATA%", data(trace));
    }

    static String data(RowTrace t) {
        StringBuilder sb = new StringBuilder("{");
        sb.append("\"kernel\":").append(str(t.program().kernel()));
        sb.append(",\"target\":").append(str(t.program().target()));
        sb.append(",\"init\":").append(str(t.program().initModel().label()));
        sb.append(",\"rowSize\":").append(t.program().rowSize());
        sb.append(",\"cells\":").append(t.initial().size());
        sb.append(",\"labels\":[");
        String[] labels = t.cellLabels();
        for (int i = 0; i < labels.length; i++) sb.append(i == 0 ? "" : ",").append(str(labels[i]));
        sb.append("],\"start\":\"");
        for (boolean b : t.initial()) sb.append(b ? '1' : '0');
        sb.append("\",\"inputs\":").append(ports(t.program().inputs()));
        sb.append(",\"outputs\":").append(ports(t.program().outputs()));
        if (t.program().partitions().isSingle()) {
            sb.append(",\"steps\":[");
            for (RowTrace.Step s : t.steps()) {
                if (s.index() > 0) sb.append(',');
                sb.append("{\"op\":").append(str(s.op().toString()));
                sb.append(",\"k\":").append(str(kind(s.op().opcode())));
                sb.append(",\"c\":").append(s.cycles()).append(",\"e\":").append(s.elapsed());
                cells(sb, List.of(s));
                sb.append('}');
            }
            return sb.append("]}").toString();
        }
        return cycles(sb, t).append("]}").toString();
    }

    /**
     * A partitioned program steps a cycle at a time: each step holds the ops of one cycle side by side, each with
     * the partitions it occupies, and the cells all of them read and write.
     */
    private static StringBuilder cycles(StringBuilder sb, RowTrace t) {
        Program p = t.program();
        Partitions parts = p.partitions();
        sb.append(",\"model\":").append(str(p.model().label()));
        sb.append(",\"parts\":[");
        for (int q = 0; q < parts.count(); q++) sb.append(q == 0 ? "" : ",").append('[').append(parts.start(q)).append(',').append(parts.width(q)).append(']');
        sb.append("],\"steps\":[");
        for (int c = 0; c < p.cycleCount(); c++) {
            List<RowTrace.Step> ops = new ArrayList<>(t.steps().subList(p.cycleStart(c), p.cycleEnd(c)));
            ops.sort(java.util.Comparator.comparingInt(s -> PartitionRules.occupied(s.op(), parts)[0])); // left to right
            StringBuilder text = new StringBuilder();
            StringBuilder side = new StringBuilder();
            long cost = 0;
            long elapsed = 0;
            boolean logic = false;
            for (RowTrace.Step s : ops) {
                int[] span = PartitionRules.occupied(s.op(), parts);
                text.append(text.length() == 0 ? "" : " | ").append(s.op());
                side.append(side.length() == 0 ? "" : ",").append("[").append(span[0]).append(',').append(span[1]).append(',')
                        .append(str(s.op().toString())).append(']');
                cost += s.cycles();
                elapsed = Math.max(elapsed, s.elapsed());
                logic |= s.op().opcode().isLogic();
            }
            sb.append(c == 0 ? "" : ",").append("{\"op\":").append(str(text.toString()));
            sb.append(",\"k\":").append(str(logic ? "logic" : kind(ops.get(0).op().opcode())));
            sb.append(",\"c\":").append(cost).append(",\"e\":").append(elapsed);
            sb.append(",\"ops\":[").append(side).append(']');
            cells(sb, ops);
            sb.append('}');
        }
        return sb;
    }

    /** The cells the steps read ({@code r}) and write ({@code w}: cell, before, after). */
    private static void cells(StringBuilder sb, List<RowTrace.Step> steps) {
        sb.append(",\"r\":[");
        boolean first = true;
        for (RowTrace.Step s : steps) {
            for (RowTrace.CellValue v : s.reads()) { sb.append(first ? "" : ",").append(v.cell()); first = false; }
        }
        sb.append("],\"w\":[");
        first = true;
        for (RowTrace.Step s : steps) {
            for (RowTrace.CellChange ch : s.writes()) {
                sb.append(first ? "" : ",").append('[').append(ch.cell()).append(',').append(ch.before() ? 1 : 0)
                        .append(',').append(ch.after() ? 1 : 0).append(']');
                first = false;
            }
        }
        sb.append(']');
    }

    private static String kind(Opcode o) {
        return switch (o.kind()) {
            case LOGIC -> "logic";
            case INIT -> "init";
            case PROGRAM -> "program";
            case READ -> "read";
        };
    }

    private static String ports(List<IoBit> bits) {
        List<String> names = new ArrayList<>();
        for (IoBit b : bits) names.add(b.name());
        StringBuilder sb = new StringBuilder("[");
        boolean first = true;
        for (Port p : Ports.group(names)) {
            sb.append(first ? "" : ",").append("{\"name\":").append(str(p.name())).append(",\"cells\":[");
            for (int i = 0; i < p.width(); i++) sb.append(i == 0 ? "" : ",").append(bits.get(p.positions().get(i)).cell());
            sb.append("]}");
            first = false;
        }
        return sb.append(']').toString();
    }

    private static String str(String s) { return Json.quote(s); }

    static String escapeHtml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static final String TEMPLATE = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>%TITLE%</title>
            <style>
            body{font-family:system-ui,-apple-system,Segoe UI,Helvetica,Arial,sans-serif;margin:16px;color:#1d2330;background:#fafbfc}
            h1{font-size:20px;margin:0 0 4px}
            .sub{color:#5a6275;margin-bottom:12px;font-size:13px}
            .bar{display:flex;gap:6px;align-items:center;flex-wrap:wrap;margin-bottom:10px}
            button{font-size:14px;padding:4px 10px;border:1px solid #b8c0d0;background:#fff;border-radius:4px;cursor:pointer}
            button:hover{background:#eef2f8}
            #slider{flex:1;min-width:200px}
            #status{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:14px;margin:6px 0 10px;padding:6px 10px;background:#fff;border:1px solid #dde2ea;border-radius:4px}
            #status .op{font-weight:bold}
            .k-logic{color:#1a5fb4}.k-init{color:#a05a00}.k-program,.k-read{color:#7b2fa8}
            .main{display:flex;gap:16px;align-items:flex-start}
            .main>div:first-child{flex:1 1 auto;min-width:0}
            #grid{display:flex;flex-wrap:wrap;gap:4px}
            #grid.parted{gap:10px;align-items:flex-start}
            .cell{width:52px;height:44px;border-radius:5px;border:2px solid transparent;display:flex;flex-direction:column;align-items:center;justify-content:center;font-size:11px;font-family:ui-monospace,Menlo,Consolas,monospace;box-sizing:border-box}
            .cell .v{font-size:15px;font-weight:bold}
            .cell .l{font-size:9px;max-width:48px;overflow:hidden;white-space:nowrap;text-overflow:ellipsis}
            .one{background:#2f7d4f;color:#fff}
            .zero{background:#e4e8ef;color:#39414f}
            .read{border-color:#1a5fb4;box-shadow:0 0 0 2px #9cc3f5}
            .write{border-color:#c01c28;box-shadow:0 0 0 2px #f5a3a9}
            .io-in{outline:1px dashed #1a5fb4;outline-offset:1px}
            .io-out{outline:1px dashed #c01c28;outline-offset:1px}
            .side{flex:0 0 340px;min-width:0}
            table{border-collapse:collapse;font-size:13px;margin-bottom:12px;background:#fff}
            td,th{border:1px solid #dde2ea;padding:3px 8px;text-align:left;font-family:ui-monospace,Menlo,Consolas,monospace}
            #ops{height:320px;overflow:auto;border:1px solid #dde2ea;background:#fff;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px}
            #ops div{padding:1px 8px;cursor:pointer;white-space:nowrap}
            #ops div.cur{background:#ffe9a8}
            .part{border:2px solid #c9d0dc;border-radius:6px;padding:4px 4px 6px;display:flex;flex-wrap:wrap;gap:4px;align-content:flex-start;max-width:240px;background:#fff}
            .part.act{border-color:#1a5fb4;background:#eaf2fd}
            .part .ph{width:100%;font-size:11px;color:#5a6275;font-family:ui-monospace,Menlo,Consolas,monospace}
            .side-by-side{display:flex;flex-wrap:wrap;gap:6px;margin-top:6px}
            .side-by-side span{border:1px solid #9cc3f5;background:#eaf2fd;border-radius:4px;padding:2px 6px;font-weight:normal}
            .legend{font-size:12px;color:#5a6275;margin-top:8px}
            .legend span{display:inline-block;width:12px;height:12px;vertical-align:middle;border-radius:2px;margin:0 4px 0 10px}
            </style>
            </head>
            <body>
            <h1 id="title"></h1>
            <div class="sub" id="sub"></div>
            <div class="bar">
              <button id="first" title="Home">&laquo; first</button><button id="prev" title="&larr;">&#x25C0;</button>
              <button id="play" title="space">play</button><button id="next" title="&rarr;">&#x25B6;</button>
              <button id="last" title="End">last &raquo;</button>
              <input id="slider" type="range" min="0" value="0">
            </div>
            <div id="status"></div>
            <div class="main">
              <div><div id="grid"></div>
                <div class="legend"><span style="background:#2f7d4f"></span>1 (LRS)<span style="background:#e4e8ef"></span>0 (HRS)
                <span style="border:2px solid #1a5fb4"></span>read<span style="border:2px solid #c01c28"></span>written
                <span style="outline:1px dashed #1a5fb4"></span>input<span style="outline:1px dashed #c01c28"></span>output</div>
              </div>
              <div class="side">
                <table id="ports"><thead><tr><th>port</th><th>value</th></tr></thead><tbody></tbody></table>
                <div id="ops"></div>
              </div>
            </div>
            <script id="trace" type="application/json">%DATA%</script>
            <script>
            (function(){
            const D = JSON.parse(document.getElementById('trace').textContent);
            const n = D.steps.length;
            const val = Array.from(D.start, ch => ch === '1');
            let cur = 0; // number of ops applied
            const grid = document.getElementById('grid');
            const cellsEl = [];
            const ins = new Set(), outs = new Set();
            D.inputs.forEach(p => p.cells.forEach(c => ins.add(c)));
            D.outputs.forEach(p => p.cells.forEach(c => outs.add(c)));
            const partEls = [];
            if (D.parts) { // a partitioned row: its cells grouped by partition, one box each
              grid.className = 'parted';
              D.parts.forEach((pw, q) => {
                if (pw[0] >= D.cells) return;
                const b = document.createElement('div');
                b.className = 'part';
                const h = document.createElement('div');
                h.className = 'ph';
                h.textContent = 'P' + q + '  cells ' + pw[0] + '..' + (pw[0] + pw[1] - 1);
                b.appendChild(h);
                grid.appendChild(b);
                partEls.push(b);
              });
            }
            for (let i = 0; i < D.cells; i++) {
              const e = document.createElement('div');
              e.className = 'cell';
              e.title = 'cell ' + i + (D.labels[i] ? ' = ' + D.labels[i] : '');
              e.innerHTML = '<span class="i">' + i + '</span><span class="v"></span><span class="l"></span>';
              e.querySelector('.l').textContent = D.labels[i];
              if (D.parts) {
                let q = 0;
                while (q + 1 < partEls.length && D.parts[q + 1][0] <= i) q++;
                partEls[q].appendChild(e);
              } else grid.appendChild(e);
              cellsEl.push(e);
            }
            document.getElementById('title').textContent = 'Kautz: kernel ' + D.kernel;
            const unit = D.parts ? 'cycle' : 'step';
            document.getElementById('sub').textContent = 'target ' + D.target + ', ' + D.cells + ' cells, ' + n +
                (D.parts ? ' cycles on ' + D.parts.length + ' partitions (' + D.model + ' model), the ops of a cycle side by side'
                         : ' micro-ops') + ', init model ' + D.init + ' \\u2014 one crossbar row, every op acts on all rows at once';
            const ops = document.getElementById('ops');
            const opEls = [];
            { const e = document.createElement('div'); e.textContent = '   (inputs loaded)'; e.onclick = () => go(0); ops.appendChild(e); opEls.push(e); }
            D.steps.forEach((s, i) => {
              const e = document.createElement('div');
              e.textContent = String(i).padStart(4, ' ') + '  ' + s.op;
              e.className = '';
              e.onclick = () => go(i + 1);
              ops.appendChild(e); opEls.push(e);
            });
            const slider = document.getElementById('slider');
            slider.max = n;
            function apply(i, fwd) { for (const w of D.steps[i].w) val[w[0]] = (fwd ? w[2] : w[1]) === 1; }
            function go(k) {
              k = Math.max(0, Math.min(n, k|0));
              while (cur < k) { apply(cur, true); cur++; }
              while (cur > k) { cur--; apply(cur, false); }
              render();
            }
            function portValue(p) {
              let v = 0n;
              for (let b = p.cells.length - 1; b >= 0; b--) v = (v << 1n) | (val[p.cells[b]] ? 1n : 0n);
              return v.toString();
            }
            function render() {
              const s = cur > 0 ? D.steps[cur - 1] : null;
              const rd = new Set(s ? s.r : []), wr = new Set(s ? s.w.map(w => w[0]) : []);
              for (let i = 0; i < D.cells; i++) {
                const e = cellsEl[i];
                e.className = 'cell ' + (val[i] ? 'one' : 'zero') + (rd.has(i) ? ' read' : '') + (wr.has(i) ? ' write' : '') +
                    (ins.has(i) ? ' io-in' : '') + (outs.has(i) ? ' io-out' : '');
                e.querySelector('.v').textContent = val[i] ? '1' : '0';
              }
              const st = document.getElementById('status');
              st.innerHTML = '';
              const head = document.createElement('span');
              head.textContent = unit + ' ' + cur + ' of ' + n + ' \\u00b7 cycle ' + (s ? s.e : 0) + ' \\u00b7 ';
              const op = document.createElement('span');
              op.className = 'op ' + (s ? 'k-' + s.k : '');
              if (s && s.ops) {
                op.textContent = s.ops.length + ' op' + (s.ops.length === 1 ? '' : 's') + ' at once (' + s.k + ', ' + s.c + ' cycle' + (s.c === 1 ? '' : 's') + ')';
                const row = document.createElement('div');
                row.className = 'side-by-side';
                for (const o of s.ops) {
                  const b = document.createElement('span');
                  b.textContent = 'P' + o[0] + (o[1] === o[0] ? '' : '-P' + o[1]) + ': ' + o[2];
                  row.appendChild(b);
                }
                op.appendChild(row);
              } else op.textContent = s ? s.op + '  (' + s.k + ', ' + s.c + ' cycle' + (s.c === 1 ? '' : 's') + ')' : 'inputs loaded';
              st.appendChild(head); st.appendChild(op);
              partEls.forEach((b, q) => b.className = 'part' + (s && s.ops && s.ops.some(o => o[0] <= q && q <= o[1]) ? ' act' : ''));
              const tb = document.querySelector('#ports tbody');
              tb.innerHTML = '';
              for (const [kind, list] of [['in', D.inputs], ['out', D.outputs]]) for (const p of list) {
                const tr = document.createElement('tr');
                const a = document.createElement('td'); a.textContent = kind + ' ' + p.name;
                const b = document.createElement('td'); b.textContent = portValue(p);
                tr.appendChild(a); tr.appendChild(b); tb.appendChild(tr);
              }
              opEls.forEach((e, i) => e.className = i === cur ? 'cur' : '');
              const ce = opEls[cur]; if (ce) { const t = ce.offsetTop - ops.offsetTop; if (t < ops.scrollTop || t > ops.scrollTop + ops.clientHeight - 20) ops.scrollTop = t - 100; }
              slider.value = cur;
              document.body.dataset.step = cur;
            }
            let timer = null;
            function play() {
              const b = document.getElementById('play');
              if (timer) { clearInterval(timer); timer = null; b.textContent = 'play'; return; }
              if (cur >= n) go(0);
              b.textContent = 'pause';
              timer = setInterval(() => { if (cur >= n) play(); else go(cur + 1); }, 400);
            }
            document.getElementById('first').onclick = () => go(0);
            document.getElementById('prev').onclick = () => go(cur - 1);
            document.getElementById('next').onclick = () => go(cur + 1);
            document.getElementById('last').onclick = () => go(n);
            document.getElementById('play').onclick = play;
            slider.oninput = () => go(+slider.value);
            document.addEventListener('keydown', e => {
              if (e.key === 'ArrowRight') go(cur + 1); else if (e.key === 'ArrowLeft') go(cur - 1);
              else if (e.key === 'Home') go(0); else if (e.key === 'End') go(n);
              else if (e.key === ' ') { e.preventDefault(); play(); }
            });
            const m = /step=(\\d+)/.exec(location.hash);
            go(m ? +m[1] : 0);
            })();
            </script>
            </body>
            </html>
            """;
}
