"""No silent skips: a run passes only when every skip is on ALLOWED_SKIPS with its reason."""

from __future__ import annotations

from pathlib import Path

import pytest

CONFTEST = Path(__file__).with_name("conftest.py").read_text(encoding="utf-8")
#: A stand-in for tests/test_loader.py: one allowed skip (right reason), one passing test.
ALLOWED = """
import pytest

@pytest.mark.skipif(True, reason="root reads anything")
def test_unreadable_file_for_real():
    pass

def test_fine():
    pass
"""


@pytest.fixture
def suite(pytester: pytest.Pytester) -> pytest.Pytester:
    (pytester.path / "tests").mkdir()
    (pytester.path / "tests" / "conftest.py").write_text(CONFTEST, encoding="utf-8")
    (pytester.path / "tests" / "test_loader.py").write_text(ALLOWED, encoding="utf-8")
    return pytester


def test_an_allowed_skip_with_its_reason_passes(suite: pytest.Pytester) -> None:
    result = suite.runpytest("-p", "no:cacheprovider", "--import-mode=importlib", "tests")
    result.assert_outcomes(passed=1, skipped=1)
    assert result.ret == pytest.ExitCode.OK


#: Skips that must each fail a run: a test, a fixture, a module, and the allowed test skipping
#: for another reason than the one allowed.
UNEXPECTED = {
    "test_in_test.py": 'def test_needs_files():\n    pytest.skip("no seeds here")\n',
    "test_in_fixture.py": "@pytest.fixture\ndef gone():\n    pytest.skip('no data')\n\n"
    "def test_uses_it(gone):\n    pass\n",
    "test_in_module.py": 'pytest.importorskip("not_installed_anywhere")\n\n'
    "def test_x():\n    pass\n",
    "test_loader.py": '@pytest.mark.skipif(True, reason="slow")\n'
    "def test_unreadable_file_for_real():\n    pass\n\ndef test_fine():\n    pass\n",
}


def test_any_other_skip_fails_the_run_and_is_named(suite: pytest.Pytester) -> None:
    for name, test in UNEXPECTED.items():
        (suite.path / "tests" / name).write_text(f"import pytest\n\n{test}", "utf-8")
    result = suite.runpytest("-p", "no:cacheprovider", "--import-mode=importlib", "tests")
    result.assert_outcomes(passed=1, skipped=4)
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.stdout.fnmatch_lines(["*unexpected skips (see ALLOWED_SKIPS in tests/conftest.py)*"])
    for line in [
        "tests/test_in_fixture.py::test_uses_it: no data",
        "tests/test_in_module.py: could not import 'not_installed_anywhere'*",
        "tests/test_in_test.py::test_needs_files: no seeds here",
        "tests/test_loader.py::test_unreadable_file_for_real: slow",
    ]:
        result.stdout.fnmatch_lines([line])



def test_under_xdist_an_unexpected_skip_still_fails_the_run(suite: pytest.Pytester) -> None:
    """The suite runs on pytest-xdist workers (pyproject's addopts): their skips must reach the
    controlling process, which names each unexpected one and fails, and passes the allowed one
    (tests/test_loader.py here is the stand-in with its allowed skip)."""
    for name, test in UNEXPECTED.items():
        if name != "test_loader.py":
            (suite.path / "tests" / name).write_text(f"import pytest\n\n{test}", "utf-8")
    result = suite.runpytest_subprocess("-p", "no:cacheprovider", "-n", "2", "tests")
    result.assert_outcomes(passed=1, skipped=4)
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.stdout.fnmatch_lines(["*unexpected skips (see ALLOWED_SKIPS in tests/conftest.py)*"])
    for line in [
        "tests/test_in_fixture.py::test_uses_it: no data",
        "tests/test_in_module.py: could not import 'not_installed_anywhere'*",
        "tests/test_in_test.py::test_needs_files: no seeds here",
    ]:
        result.stdout.fnmatch_lines([line])
    result.stdout.no_fnmatch_line("*test_unreadable_file_for_real*")
