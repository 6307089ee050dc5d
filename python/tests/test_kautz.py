"""The Python package against the command line: same reports, values per row, errors as KautzError."""
import json
import os
import pathlib
import shutil
import subprocess

import numpy as np
import pytest

import kautz

REPO = pathlib.Path(__file__).resolve().parents[2]
ADD8 = REPO / "samples" / "add8.kz"


def cli(*args):
    done = subprocess.run([str(REPO / "kautz"), *args], capture_output=True, text=True, check=True)
    return done.stdout


def test_compile_report_has_the_keys_of_compile_json():
    p = kautz.compile(ADD8, target="felix", row_size="min")
    expected = json.loads(cli("compile", str(ADD8), "--target", "felix", "--row-size", "min", "--json"))
    assert p.report == expected
    assert p.inputs == {"a": 8, "b": 8} and p.outputs == {"sum": 9}
    assert ".kernel add" in p.kasm


def test_compile_from_source_text():
    p = kautz.compile("kernel inc(x: u<4>) -> (y: u<4>) { y = x + 1; }")
    assert p.name == "inc"
    outputs, report = kautz.run(p, {"x": np.arange(16)})
    assert outputs["y"].dtype == np.uint64
    assert list(outputs["y"]) == [(x + 1) % 16 for x in range(16)]
    assert report["rows"] == 16 and report["mismatches"] == 0


def test_run_per_row_arrays_ints_and_wide_values():
    a = np.array([5, 200, 255], dtype=np.uint8)
    outputs, report = kautz.run(ADD8, {"a": a, "b": 7})
    assert list(outputs["sum"]) == [12, 207, 262]
    run_json = json.loads(cli("run", str(ADD8), "--inputs", "a=5,b=7", "--json"))
    assert set(report) == set(run_json)
    p = kautz.compile("kernel big(x: u<64>) -> (y: u<64>) { y = ~x; }")
    outputs, _ = kautz.run(p, {"x": np.array([0, 2**63], dtype=np.uint64)})
    assert list(outputs["y"]) == [2**64 - 1, 2**63 - 1]


def test_ports_wider_than_64_bits():
    p = kautz.compile("kernel wide(x: u<100>, y: u<100>) -> (s: u<100>) { s = x + y; }")
    x = [2**99 + 12345, 7, 2**100 - 1]
    outputs, report = kautz.run(p, {"x": np.array(x, dtype=object), "y": 2**70})
    assert report["mismatches"] == 0
    assert outputs["s"].dtype == object
    assert list(outputs["s"]) == [(v + 2**70) % 2**100 for v in x]
    with pytest.raises(kautz.KautzError, match="does not fit in 100 bits"):
        kautz.run(p, {"x": 2**100, "y": 0})


def test_partitions_and_model():
    undivided = kautz.compile(ADD8)
    divided = kautz.compile(ADD8, partitions="8", model="standard", init="op")
    expected = json.loads(cli("compile", str(ADD8), "--partitions", "8", "--model", "standard", "--init", "op", "--json"))
    assert divided.report == expected
    assert divided.report["partitions"] == 8 and undivided.report["partitions"] == 1
    outputs, report = kautz.run(divided, {"a": [5, 200], "b": [7, 100]})
    assert list(outputs["sum"]) == [12, 300] and report["mismatches"] == 0
    with pytest.raises(kautz.KautzError, match="add --partitions"):
        kautz.compile(ADD8, model="standard")


def test_random_rows_and_the_device_engine():
    outputs, report = kautz.run(ADD8, "random", rows=300, device="hfo2-1t1r", seed=3)
    assert len(outputs["sum"]) == 300
    assert report["engine"] == "device" and report["rows"] == 300
    assert "mismatches" in report


def test_verify_a_program_and_two_designs(tmp_path):
    assert kautz.verify(ADD8, target="imply")["result"] == "equivalent"
    other = tmp_path / "add_wrong.kz"
    other.write_text(ADD8.read_text().replace("co = maj(a, b, c);", "co = a & b;"))
    r = kautz.verify(ADD8, other)
    assert r["result"] == "not equivalent"
    assert "counterexample" in r


def test_sweep_is_a_dataframe():
    df = kautz.sweep([ADD8], scheduler=["live", "simpler", "topo"], target="magic-nor")
    assert list(df["scheduler"]) == ["live", "simpler", "topo"]
    assert (df["cycles"] > 0).all()
    assert df["asMapped"].dtype == bool


def test_errors_are_one_line_kautz_errors():
    with pytest.raises(kautz.KautzError, match=r"^nosuch\.kz: no such file$"):
        kautz.compile("nosuch.kz")
    with pytest.raises(kautz.KautzError, match="unknown scheduler 'nope'"):
        kautz.compile(ADD8, scheduler="nope")
    with pytest.raises(kautz.KautzError, match="input 'b' is not given"):
        kautz.run(ADD8, {"a": 1})
    with pytest.raises(kautz.KautzError, match="negative"):
        kautz.run(ADD8, {"a": -1, "b": 0})


def test_write_verify_per_scheme():
    for scheme in kautz.write_schemes():
        r = kautz.write_verify("rram-2bit-levy2021", scheme, levels=4, cells=500)
        assert r["meanPulses"] >= 1 and 0 <= r["readBER"] <= 1


def test_one_jvm_for_many_calls():
    import jpype
    assert jpype.isJVMStarted()
    kautz.start()  # a second start does nothing
    assert "live" in kautz.schedulers()


@pytest.mark.skipif(shutil.which("yosys") is None, reason="yosys is not installed (apt-get install yosys)")
def test_rtl_verilog_through_yosys():
    rtl = REPO / "samples" / "rtl"
    assert kautz.verify(rtl / "alu.v", rtl / "alu.kz")["result"] == "equivalent"
    outputs, report = kautz.run(rtl / "alu.v", {"a": [200, 5], "b": [100, 7], "op": [0, 6]})
    assert list(outputs["y"]) == [44, 1] and report["mismatches"] == 0


def test_installs_with_the_documented_command(tmp_path):
    for module, package in (("pip", "python3-pip"), ("setuptools", "python3-setuptools")):
        if subprocess.run([os.sys.executable, "-c", f"import {module}"], capture_output=True).returncode != 0:
            pytest.skip(f"{module} is not installed (apt-get install {package})")
    src = tmp_path / "src"  # a copy: building writes build/ and *.egg-info beside the sources
    shutil.copytree(REPO / "python", src, ignore=shutil.ignore_patterns("__pycache__", "tests"))
    subprocess.run([os.sys.executable, "-m", "pip", "install", "-q", "--no-build-isolation", "--no-deps",
                    "--target", str(tmp_path / "site"), str(src)], check=True)
    assert (tmp_path / "site" / "kautz" / "__init__.py").is_file()
