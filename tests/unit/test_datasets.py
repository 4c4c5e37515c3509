"""Datasets: the gates' truth tables, the spam table, the shopping bill."""

import pytest

from neuron import AND, NAND, OR, SPAM, SPAM_FEATURES, XOR, Neuron, shopping_bill
from neuron.datasets import GATES


@pytest.mark.parametrize(
    ("gate", "rule"),
    [
        (OR, lambda a, b: a or b),
        (AND, lambda a, b: a and b),
        (NAND, lambda a, b: not (a and b)),
        (XOR, lambda a, b: a != b),
    ],
)
def test_gates_are_their_truth_tables(gate, rule):
    inputs, labels = gate
    assert inputs == [[0, 0], [0, 1], [1, 0], [1, 1]]
    assert labels == [int(bool(rule(a, b))) for a, b in inputs]


def test_gates_by_name():
    assert GATES == {"OR": OR, "AND": AND, "NAND": NAND, "XOR": XOR}


def test_gates_do_not_share_their_input_lists():
    assert OR[0] is not AND[0] and OR[0][0] is not AND[0][0]


def test_spam_table_shape_and_labels():
    inputs, labels = SPAM
    assert SPAM_FEATURES == ["links", "exclamation_marks", "capital_letters", "known_sender"]
    assert 10 <= len(inputs) == len(labels) <= 16
    assert all(len(row) == len(SPAM_FEATURES) for row in inputs)
    assert set(labels) == {0, 1} and 0.3 <= sum(labels) / len(labels) <= 0.7
    assert all(row[0] >= 0 and row[1] >= 0 for row in inputs)  # counts
    assert all(0 <= row[2] <= 1 for row in inputs)  # a fraction
    assert all(row[3] in (0, 1) for row in inputs)  # yes / no


def test_shopping_bill_is_70():
    bill = shopping_bill()
    assert isinstance(bill, Neuron)
    assert bill.weights == [10, 15] and bill.bias == 5 and bill.activation == "identity"
    assert bill([2, 3]) == 70  # 2 × 10 + 3 × 15 + 5
    assert bill([0, 0]) == 5  # delivery only


def test_shopping_bill_is_a_fresh_neuron_each_time():
    first = shopping_bill()
    first.weights[0] = 0
    assert shopping_bill()([2, 3]) == 70
