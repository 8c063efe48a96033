"""``align.heaviest_increasing`` keeps its answers, ties included, now that its ranks come from one
sort, its tree is two lists and ``heaviest_chain`` does it from the second coordinates alone (issue
26: memory): against the dict-and-pairs version it replaced."""

from hypothesis import given, settings
from hypothesis import strategies as st

from lawdiff.diff.align import heaviest_chain, heaviest_increasing


def dict_and_pairs(points, weights=None):
    """The version before: ranks in a dict, the tree a list of (weight, point) pairs."""
    if not points:
        return []
    weights = weights or [1] * len(points)
    ranks = {y: r + 1 for r, y in enumerate(sorted({y for _, y in points}))}
    size = len(ranks)
    tree = [(0, -1)] * (size + 1)
    best, prev = [0] * len(points), [-1] * len(points)
    for i, (_, y) in enumerate(points):
        r = ranks[y] - 1
        top = (0, -1)
        while r > 0:
            if tree[r][0] > top[0]:
                top = tree[r]
            r -= r & -r
        best[i], prev[i] = top[0] + weights[i], top[1]
        r = ranks[y]
        while r <= size:
            if best[i] > tree[r][0]:
                tree[r] = (best[i], i)
            r += r & -r
    i = max(range(len(points)), key=lambda k: (best[k], -k))
    out = []
    while i != -1:
        out.append(points[i])
        i = prev[i]
    return out[::-1]


# Few distinct values, so ties of coordinates and of weights are common.
POINTS = st.lists(st.tuples(st.integers(0, 12), st.integers(-3, 12)), max_size=40).map(sorted)


@settings(max_examples=500, deadline=None)
@given(POINTS, st.data())
def test_same_chain_as_before(points, data):
    weights = data.draw(st.one_of(
        st.none(),
        st.lists(st.integers(1, 4), min_size=len(points), max_size=len(points)),
        st.lists(st.sampled_from([0.25, 0.5, 1.0, 1.05, 0.3 + 0.05]), min_size=len(points), max_size=len(points))))
    want = dict_and_pairs(points, weights)
    assert heaviest_increasing(points, weights) == want
    # the same chain as indexes, from the second coordinates alone (a point's place is its first)
    assert [points[i] for i in heaviest_chain([y for _, y in points], weights)] == want


def test_a_known_chain():
    # (1, 5) then (2, 1), (3, 2), (4, 3): the longer rising run wins; the weight of (1, 5) can outweigh it
    points = [(1, 5), (2, 1), (3, 2), (4, 3)]
    assert heaviest_increasing(points) == [(2, 1), (3, 2), (4, 3)]
    assert heaviest_increasing(points, [10, 1, 1, 1]) == [(1, 5)]
    assert heaviest_increasing([]) == []
