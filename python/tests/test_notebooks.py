"""Executes every notebook of docs/notebooks: a cell that raises fails the test, so the notebooks cannot rot."""
import pathlib

import pytest

NOTEBOOKS = sorted((pathlib.Path(__file__).resolve().parents[2] / "docs" / "notebooks").glob("*.ipynb"))


def test_there_are_notebooks():
    assert len(NOTEBOOKS) >= 2


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs(path):
    nbformat = pytest.importorskip("nbformat", reason="nbformat is not installed (apt-get install python3-nbformat)")
    nbclient = pytest.importorskip("nbclient", reason="nbclient is not installed (apt-get install python3-nbclient)")
    pytest.importorskip("ipykernel", reason="no IPython kernel (apt-get install python3-ipykernel)")
    pytest.importorskip("matplotlib", reason="matplotlib is not installed (apt-get install python3-matplotlib)")
    nb = nbformat.read(str(path), as_version=4)
    client = nbclient.NotebookClient(nb, timeout=600, kernel_name="python3",
                                     resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    images = sum(1 for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
                 if "image/png" in o.get("data", {}))
    assert images >= 1, f"{path.name} drew no plot"
