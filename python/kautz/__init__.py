"""Kautz from Python: compile, run and verify designs for memristive crossbars in-process.

The package calls Kautz's Java library (``kautz.api.Kautz``, docs/library.md) through JPype in one JVM per
Python process, started on the first call (or by :func:`start`). Reports are dicts with the keys of the
command line's ``--json`` output; values per row are NumPy arrays; batches are pandas DataFrames.

    >>> import kautz
    >>> p = kautz.compile("samples/add8.kz", target="felix")
    >>> p.report["cycles"]
    >>> outputs, report = kautz.run(p, {"a": [5, 200], "b": 7})
    >>> outputs["sum"]                       # array([ 12, 207], dtype=uint64)
"""
from __future__ import annotations

import json
import os
import pathlib
import subprocess
import sys
from typing import Any, Iterable, Mapping

import numpy as np

__all__ = ["KautzError", "Program", "start", "compile", "run", "verify", "sweep", "write_verify",
           "schedulers", "targets", "passes", "device_presets", "write_schemes"]

_JPYPE_JARS = ("/usr/share/java/org.jpype.jar",)
_api = None  # the Java classes, once the JVM runs


class KautzError(Exception):
    """A mistake in the input (a file, a source, an option): the one line the command line would print."""


def _repository() -> pathlib.Path | None:
    """The Kautz checkout this package sits in (python/kautz/ inside it), or KAUTZ_HOME."""
    home = os.environ.get("KAUTZ_HOME")
    if home:
        return pathlib.Path(home)
    here = pathlib.Path(__file__).resolve().parent.parent.parent
    return here if (here / "kautz").is_file() and (here / "cli").is_dir() else None


def _jar() -> str:
    """KAUTZ_JAR, or the checkout's cli/target/kautz.jar, built (by ./kautz, as on first use) when stale."""
    named = os.environ.get("KAUTZ_JAR")
    if named:
        if not os.path.isfile(named):
            raise KautzError(f"KAUTZ_JAR: no such file {named}")
        return named
    repo = _repository()
    if repo is None:
        raise KautzError("cannot find Kautz: set KAUTZ_HOME to the repository (or KAUTZ_JAR to cli/target/kautz.jar)")
    # ./kautz rebuilds the jar when a source is newer (it says so on stderr); --version does nothing else
    try:
        err = sys.stderr.fileno()  # the build's progress straight to the terminal
    except (AttributeError, OSError, ValueError):
        err = subprocess.PIPE  # a notebook's stderr is no file: relay the progress afterwards
    done = subprocess.run([str(repo / "kautz"), "--version"], stdout=subprocess.DEVNULL, stderr=err, text=True)
    if done.stderr:
        sys.stderr.write(done.stderr)
    jar = repo / "cli" / "target" / "kautz.jar"
    if done.returncode != 0 or not jar.is_file():
        raise KautzError(f"building {jar} failed (run {repo / 'kautz'} to see why)")
    return str(jar)


def start(classpath: Iterable[str] = (), jvm_options: Iterable[str] = ("-Xmx4g", "-Xss64m")) -> None:
    """Starts the JVM (once per process; later calls do nothing). ``classpath`` adds plugin jars
    (schedulers, gate families, passes, device presets: docs/library.md)."""
    global _api
    if _api is not None:
        return
    import jpype
    import jpype.imports  # noqa: F401  (enables Java packages as Python modules)
    if not jpype.isJVMStarted():
        jars = [_jar(), *[j for j in _JPYPE_JARS if os.path.isfile(j)], *classpath]
        jpype.startJVM(*jvm_options, classpath=jars, convertStrings=True)
    _api = {
        "Kautz": jpype.JClass("kautz.api.Kautz"),
        "Options": jpype.JClass("kautz.api.Options"),
        "UserError": jpype.JClass("kautz.diag.UserError"),
        "Path": jpype.JClass("java.nio.file.Path"),
        "HashMap": jpype.JClass("java.util.HashMap"),
        "ArrayList": jpype.JClass("java.util.ArrayList"),
        "long[]": jpype.JArray(jpype.JLong),
        "BigInteger": jpype.JClass("java.math.BigInteger"),
        "BigInteger[]": jpype.JArray(jpype.JClass("java.math.BigInteger")),
        "String[]": jpype.JArray(jpype.JString),
    }


def _java():
    start()
    return _api


def _call(fn, *args):
    """Calls into Java; a UserError becomes KautzError with its message."""
    api = _java()
    try:
        return fn(*args)
    except api["UserError"] as e:
        raise KautzError(str(e.getMessage())) from None


def _path(p) -> Any:
    return _java()["Path"].of(str(p), _java()["String[]"](0))


def _options(options: Mapping[str, Any]):
    o = _java()["Options"].defaults()
    for name, value in options.items():
        if value is None:
            continue
        text = ("true" if value else "false") if isinstance(value, bool) else str(value)
        o = _call(o.set, name, text)
    return o


def _dict(report_json: str) -> dict:
    return json.loads(str(report_json))


class Program:
    """A compiled design: ``report`` holds the keys of ``kautz compile --json``; ``kasm`` the program text;
    ``inputs`` and ``outputs`` map port names to widths in bits."""

    def __init__(self, compilation):
        self._c = compilation
        self.report: dict = _dict(compilation.reportJson())
        self.name: str = str(compilation.name())
        self.inputs: dict = {str(p.name()): int(p.width()) for p in compilation.inputs()}
        self.outputs: dict = {str(p.name()): int(p.width()) for p in compilation.outputs()}

    @property
    def kasm(self) -> str:
        return str(self._c.kasm())

    def __repr__(self) -> str:
        r = self.report
        return (f"<kautz.Program {self.name} on {r['target']}: {r['cycles']} cycles, {r['cells']} cells, "
                f"scheduler {r['scheduler']}>")


def compile(path_or_source, **options) -> Program:  # noqa: A001 (the command's name)
    """Compiles a file (.kz, .aig, .aag, .blif, .bench, .v, .sv; RTL Verilog through Yosys) or Kautz source
    text. Options as on the command line, dashes as underscores: ``target``, ``scheduler``, ``row_size``
    (cells or ``"min"``), ``init``, ``seed``, ``opt``, ``remap``, ``consume_inputs``, ``exact``, ``top``,
    ``partitions`` (``"4"``, ``"4x32"``, ``"16,16,32"``) and ``model`` (``unlimited``, ``standard``, ``minimal``)."""
    api = _java()
    o = _options(options)
    text = str(path_or_source)
    if isinstance(path_or_source, os.PathLike) or ("\n" not in text and "{" not in text):
        return Program(_call(api["Kautz"].compile, _path(text), o))
    return Program(_call(api["Kautz"].compileSource, text, o))


def _program(program_or_path, options) -> Program:
    if isinstance(program_or_path, Program):
        if options:
            raise KautzError(f"compile options {sorted(options)} were given with a compiled program")
        return program_or_path
    return compile(program_or_path, **options)


def run(program_or_path, inputs, rows: int | None = None, device: str | None = None, engine: str = "auto",
        seed: int = 1, **options):
    """Runs a program (or compiles a path first, with ``options``) on ``rows`` crossbar rows; every row is
    checked against the reference evaluation of the source (``report["mismatches"]``).

    ``inputs`` maps each input port to an int (every row) or a sequence / NumPy array of one value per row;
    or is ``"random"`` for seeded random rows. ``rows`` defaults to the length of the arrays (1 for ints
    only; 1024 for random). ``device`` names a device preset (the cycle-accurate device engine).
    Returns ``(outputs, report)``: NumPy arrays of unsigned ints per output port (``uint64``; ports wider
    than 64 bits as arrays of Python ints, ``dtype=object``), and the keys of ``kautz run --json``. Inputs
    wider than 64 bits take Python ints (an array of them has ``dtype=object``)."""
    p = _program(program_or_path, options)
    api = _java()
    if isinstance(inputs, str):
        if inputs != "random":
            raise KautzError(f"inputs: expected a dict of port values or 'random', got {inputs!r}")
        result = _call(api["Kautz"].runRandom, p._c, rows or 1024, seed, engine, device)
    else:
        arrays = {name: np.atleast_1d(np.asarray(v)) for name, v in inputs.items()}
        lengths = {len(a) for a in arrays.values() if len(a) != 1}
        if rows is None:
            if len(lengths) > 1:
                raise KautzError(f"inputs: arrays of different lengths {sorted(lengths)}")
            rows = lengths.pop() if lengths else 1
        values = api["HashMap"]()
        wide = any(p.inputs.get(name, 0) > 64 or a.dtype.kind == "O" for name, a in arrays.items())
        for name, a in arrays.items():
            if a.dtype.kind not in "iubO" or (a.dtype.kind == "O" and not all(isinstance(x, (int, np.integer)) for x in a)):
                raise KautzError(f"input '{name}': expected integers, got {a.dtype}")
            if a.dtype.kind in "iO" and (a < 0).any():
                raise KautzError(f"input '{name}': negative values are not unsigned")
            if wide:
                values.put(name, api["BigInteger[]"]([api["BigInteger"](str(int(x))) for x in a]))
            else:
                values.put(name, api["long[]"](a.astype(np.uint64).view(np.int64)))
        run_call = api["Kautz"].runWide if wide else api["Kautz"].run
        result = _call(run_call, p._c, values, int(rows), engine, device, seed)
    outputs = {}
    for k, v in result.values().items():
        name = str(k)
        if p.outputs.get(name, 0) > 64:
            outputs[name] = np.array([int(str(x.toString())) for x in v], dtype=object)
        else:
            outputs[name] = np.asarray(result.outputs().get(k), dtype=np.int64).view(np.uint64)
    return outputs, _dict(result.reportJson())


def verify(a, b=None, timeout: float = 60, **options) -> dict:
    """Formal equivalence, as ``kautz verify``: ``verify(program_or_path)`` proves the compiled program equal
    to its source; ``verify(path_a, path_b)`` proves two designs equal (ports matched by name). Returns the
    keys of ``kautz verify --json`` (``result``: equivalent, not equivalent or undecided) and ``text``."""
    api = _java()
    if b is None:
        v = _call(api["Kautz"].verify, _program(a, options)._c, float(timeout))
    else:
        v = _call(api["Kautz"].verify, _path(a), _path(b), _options(options), float(timeout))
    report = _dict(v.reportJson())
    report["text"] = str(v.text())
    return report


def sweep(files, **grid):
    """Compiles every file with every combination of the options (each option one value or a list),
    one row per pair: ``file``, the keys of ``compile --json`` and ``compileMs``, or ``error``.
    Returns a pandas DataFrame."""
    import itertools
    import pandas as pd
    api = _java()
    names = list(grid)
    values = [v if isinstance(v, (list, tuple)) else [v] for v in grid.values()]
    variants = api["ArrayList"]()
    for combo in itertools.product(*values):
        variants.add(_options(dict(zip(names, combo))))
    paths = api["ArrayList"]()
    for f in ([files] if isinstance(files, (str, os.PathLike)) else files):
        paths.add(_path(f))
    rows = _call(api["Kautz"].batch, paths, variants)
    return pd.DataFrame([{str(k): _py(v) for k, v in r.items()} for r in rows])


def _py(v):
    """A Java report value (a boxed number, boolean or string) as a Python one."""
    if not hasattr(v, "getClass"):  # already Python (JPype converts strings; boxed values stay Java objects)
        return v
    kind = str(v.getClass().getName())
    if kind == "java.lang.Boolean":
        return bool(v.booleanValue())
    if kind in ("java.lang.Long", "java.lang.Integer"):
        return int(v.longValue())
    if kind == "java.lang.Double":
        return float(v.doubleValue())
    return str(v)


def write_verify(preset: str, scheme: str = "ispp", levels: int = 4, cells: int = 10000, seed: int = 1) -> dict:
    """Multi-level write-verify on a device preset: pulses per write (mean, p99, max), verify reads per
    write, write errors and the read bit error rate (``readBER``), as ``kautz devices --write-verify``."""
    m = _call(_java()["Kautz"].writeVerify, preset, scheme, int(levels), int(cells), int(seed))
    return {str(k): _py(v) for k, v in m.items()}


def schedulers() -> list:
    """The scheduler names, plugins included."""
    return [str(s) for s in _java()["Kautz"].schedulers()]


def targets() -> list:
    return [str(s) for s in _java()["Kautz"].targets()]


def passes() -> list:
    return [str(s) for s in _java()["Kautz"].passes()]


def device_presets() -> list:
    return [str(s) for s in _java()["Kautz"].devicePresets()]


def write_schemes() -> list:
    return [str(s) for s in _java()["Kautz"].writeSchemes()]
