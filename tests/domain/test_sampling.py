"""Sample sizes against the published attribute-sampling tables, and the keyed-hash draw."""

from __future__ import annotations

import random
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit_app.domain.errors import UserError
from audit_app.domain.sampling import draw, frame_sha256, rank_key, sample_size

# AICPA statistical sample sizes for tests of controls: (risk, expected %, tolerable %) -> n
PUBLISHED = {
    (0.05, 0.00): {2: 149, 3: 99, 4: 74, 5: 59, 6: 49, 7: 42, 8: 36, 9: 32, 10: 29, 15: 19,
                   20: 14},
    (0.05, 0.25): {2: 236, 3: 157, 4: 117, 5: 93, 6: 78, 7: 66, 8: 58, 9: 51, 10: 46, 15: 30,
                   20: 22},
    (0.05, 0.50): {3: 157, 4: 117, 5: 93, 6: 78, 7: 66, 8: 58, 9: 51, 10: 46, 15: 30, 20: 22},
    (0.05, 0.75): {3: 208, 4: 117, 5: 93, 6: 78, 7: 66, 8: 58, 9: 51, 10: 46, 15: 30, 20: 22},
    (0.05, 1.00): {4: 156, 5: 93, 6: 78, 7: 66, 8: 58, 9: 51, 10: 46, 15: 30, 20: 22},
    (0.05, 1.25): {4: 156, 5: 124, 6: 78, 7: 66, 8: 58, 9: 51, 10: 46, 15: 30, 20: 22},
    (0.05, 1.50): {4: 192, 5: 124, 6: 103, 7: 66, 8: 58, 9: 51, 10: 46, 15: 30, 20: 22},
    (0.05, 1.75): {4: 227, 5: 153, 6: 103, 7: 88, 8: 77, 9: 51, 10: 46, 15: 30, 20: 22},
    (0.05, 2.00): {5: 181, 6: 127, 7: 88, 8: 77, 9: 68, 10: 46, 15: 30, 20: 22},
    (0.10, 0.00): {2: 114, 3: 76, 4: 57, 5: 45, 6: 38, 7: 32, 8: 28, 9: 25, 10: 22, 15: 15,
                   20: 11},
    (0.10, 0.25): {2: 194, 3: 129, 4: 96, 5: 77, 6: 64, 7: 55, 8: 48, 9: 42, 10: 38, 15: 25,
                   20: 18},
    (0.10, 0.50): {2: 194, 3: 129, 4: 96, 5: 77, 6: 64, 7: 55, 8: 48, 9: 42, 10: 38, 15: 25,
                   20: 18},
    (0.10, 1.00): {3: 176, 4: 96, 5: 77, 6: 64, 7: 55, 8: 48, 9: 42, 10: 38, 15: 25, 20: 18},
    (0.10, 2.00): {4: 198, 5: 132, 6: 88, 7: 75, 8: 48, 9: 42, 10: 38, 15: 25, 20: 18},
}
CELLS = [(risk, exp, tol, n) for (risk, exp), row in PUBLISHED.items() for tol, n in row.items()]


@pytest.mark.parametrize(("risk", "expected", "tolerable", "n"), CELLS)
def test_published_table_cell(risk: float, expected: float, tolerable: int, n: int) -> None:
    assert sample_size(1 - risk, tolerable / 100, expected / 100) == n


def test_issue_examples() -> None:
    assert sample_size(0.95, 0.05) == 59
    assert sample_size(0.90, 0.05) == 45
    assert sample_size(0.95, 0.05, 0.01) == 93


@pytest.mark.parametrize("population", [10, 20, 50, 100, 200])
def test_hypergeometric_smaller_for_small_population(population: int) -> None:
    n = sample_size(0.95, 0.05, population=population)
    assert n <= population
    assert n < sample_size(0.95, 0.05)


def test_hypergeometric_approaches_binomial() -> None:
    assert 55 <= sample_size(0.95, 0.05, population=100_000) <= 59


@pytest.mark.parametrize("args", [(1.0, 0.05), (0.95, 0.0), (0.95, 0.05, 0.05),
                                  (0.95, 0.05, -0.1), (0.95, 0.05, 0.0, 0)])
def test_invalid_inputs(args: tuple) -> None:
    with pytest.raises(UserError):
        sample_size(*args)


def test_rank_key_is_hmac_sha256() -> None:
    # openssl: printf %s 2026-0042 | openssl dgst -sha256 -hmac abc123
    assert rank_key("abc123", "2026-0042") == (
        "564aa83e6285374a3225b3e0d71beaf2a4159becd3759cfae21e925f2113afc6")


def test_frame_hash_matches_sort_sha256() -> None:
    import hashlib
    refs = ["2026-0003", "2026-0001", "2026-0002"]
    assert frame_sha256(refs) == hashlib.sha256(
        b"2026-0001\n2026-0002\n2026-0003\n").hexdigest()


FRAME = st.lists(
    st.tuples(st.from_regex(r"2026-[0-9]{4}", fullmatch=True), st.sampled_from("ABC")),
    min_size=1, max_size=60, unique_by=lambda t: t[0])


@settings(max_examples=60, deadline=None)
@given(frame=FRAME, data=st.data())
def test_shuffled_frame_gives_same_sample(frame: list[tuple[str, str]],
                                          data: st.DataObject) -> None:
    n = data.draw(st.integers(1, len(frame)))
    shuffled = frame[:]
    random.Random(data.draw(st.integers())).shuffle(shuffled)
    a, b = draw(frame, n, "seed-1"), draw(shuffled, n, "seed-1")
    assert [c.case_ref for c in a.sample] == [c.case_ref for c in b.sample]
    assert a.frame_sha256 == b.frame_sha256
    refs = [c.case_ref for c in a.sample]
    assert len(refs) == n == len(set(refs))
    assert set(refs) <= {ref for ref, _ in frame}
    stratum = a.strata[0]
    ordered = stratum.sample + stratum.reserve
    assert [c.rank_key for c in ordered] == sorted(c.rank_key for c in ordered)


@settings(max_examples=60, deadline=None)
@given(frame=FRAME, data=st.data(), how=st.sampled_from(["proportional", "equal"]))
def test_strata_add_up(frame: list[tuple[str, str]], data: st.DataObject, how: str) -> None:
    strata = {s for _, s in frame}
    n = data.draw(st.integers(len(strata), len(frame)))
    result = draw(frame, n, "s", stratify=how)
    assert sum(s.size for s in result.strata) == n
    for s in result.strata:
        assert 1 <= s.size <= s.population
        assert len(s.sample) == s.size
        assert len(s.sample) + len(s.reserve) == s.population
        assert {c.stratum for c in s.sample + s.reserve} == {s.name}


def test_proportional_allocation_example() -> None:
    frame = [(f"A-{i:03d}", "A") for i in range(70)] + [(f"B-{i:03d}", "B") for i in range(25)]
    frame += [(f"C-{i:03d}", "C") for i in range(5)]
    sizes = {s.name: s.size for s in draw(frame, 20, "x", "proportional").strata}
    assert sizes == {"A": 14, "B": 5, "C": 1}
    sizes = {s.name: s.size for s in draw(frame, 20, "x", "equal").strata}
    assert sizes == {"A": 8, "B": 7, "C": 5}


def test_seed_generated_when_missing() -> None:
    result = draw([("2026-0001", ""), ("2026-0002", "")], 1)
    assert len(result.seed) == 16
    assert draw([("2026-0001", "")], 1).seed != result.seed


@pytest.mark.skipif(shutil.which("openssl") is None or shutil.which("sha256sum") is None,
                    reason="openssl/sha256sum not installed")
def test_documented_shell_recipe_matches(tmp_path: Path) -> None:
    """The openssl + sort recipe in docs/sampling.md gives the same order and frame hash."""
    refs = ["2026-0003", "2026-0001", "ÄR-0002", "2026-0002", "2026-0010"]
    (tmp_path / "refs.txt").write_text("\n".join(refs) + "\n", encoding="utf-8")
    script = (
        'SEED=abc123\n'
        'while read -r ref; do\n'
        '  printf \'%s %s\\n\' "$(printf %s "$ref" | openssl dgst -sha256 -hmac "$SEED" '
        '| awk \'{print $NF}\')" "$ref"\n'
        'done < refs.txt | LC_ALL=C sort\n'
        'echo FRAME $(LC_ALL=C sort refs.txt | sha256sum)\n')
    out = subprocess.run(["bash", "-c", script], cwd=tmp_path, capture_output=True,
                         text=True, check=True).stdout.splitlines()
    result = draw([(r, "") for r in refs], 2, "abc123")
    stratum = result.strata[0]
    assert [line.split(" ", 1)[1] for line in out[:-1]] == [
        c.case_ref for c in stratum.sample + stratum.reserve]
    assert [line.split(" ", 1)[0] for line in out[:-1]] == [
        c.rank_key for c in stratum.sample + stratum.reserve]
    assert out[-1].split()[1] == result.frame_sha256


def _exact_hyper_size(conf: float, tol: float, exp: float, big_n: int) -> int:
    """Reference: the same search with exact integer arithmetic."""
    import math
    from fractions import Fraction
    alpha = Fraction(1) - Fraction(str(conf))
    dev = max(1, math.ceil(big_n * tol - 1e-9))
    for n in range(1, big_n + 1):
        k = max(0, math.ceil(n * exp - 1e-9))
        hits = sum(math.comb(dev, i) * math.comb(big_n - dev, n - i)
                   for i in range(min(k, n, dev) + 1))
        if Fraction(hits, math.comb(big_n, n)) <= alpha:
            return n
    return big_n


@pytest.mark.parametrize(("conf", "tol", "exp", "big_n"), [
    (0.95, 0.05, 0.0, 20), (0.95, 0.05, 0.0, 50), (0.90, 0.10, 0.0, 30),
    (0.95, 0.05, 0.01, 200), (0.99, 0.04, 0.01, 150), (0.90, 0.03, 0.02, 400)])
def test_hypergeometric_matches_exact_arithmetic(conf: float, tol: float, exp: float,
                                                 big_n: int) -> None:
    assert sample_size(conf, tol, exp, big_n) == _exact_hyper_size(conf, tol, exp, big_n)


def test_large_population() -> None:
    assert sample_size(0.95, 0.02, 0.015, 5000) == 1600
