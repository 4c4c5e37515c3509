"""Small datasets for the lessons, each a pair ``(inputs, labels)``.

Logic gates: the inputs are the four pairs of bits, the label is the gate's output.

=======  ======  ==  ===  ====  ===
x1       x2      OR  AND  NAND  XOR
=======  ======  ==  ===  ====  ===
0        0       0   0    1     0
0        1       1   0    1     1
1        0       1   0    1     1
1        1       1   1    0     0
=======  ======  ==  ===  ====  ===

OR, AND and NAND can be learned by one neuron: a straight line separates
their 0s from their 1s. XOR cannot: to put (0, 0) and (1, 1) on one side and
(0, 1) and (1, 0) on the other, no single line will do. (In symbols: class 1
for (0, 1) and (1, 0) needs w2 + b >= 0 and w1 + b >= 0, so w1 + w2 + 2b >= 0;
class 0 for (0, 0) needs b < 0, and then w1 + w2 + b >= -b > 0 puts (1, 1) in
class 1 too.)

``SPAM`` is a made-up table of e-mails described by four numbers, in the
order of ``SPAM_FEATURES``; ``shopping_bill()`` is the neuron that prices a
basket of fruit.

These are ordinary lists: if you change one, make a copy first
(``X = [row[:] for row in OR[0]]``), or the change lasts until Python restarts.
"""

from __future__ import annotations

from .neuron import Neuron

#: The inputs of every logic gate: all four pairs of bits.
GATE_INPUTS = [[0, 0], [0, 1], [1, 0], [1, 1]]

OR = ([row[:] for row in GATE_INPUTS], [0, 1, 1, 1])  #: 1 when at least one input is 1
AND = ([row[:] for row in GATE_INPUTS], [0, 0, 0, 1])  #: 1 only when both inputs are 1
NAND = ([row[:] for row in GATE_INPUTS], [1, 1, 1, 0])  #: NOT AND: 0 only when both inputs are 1
XOR = ([row[:] for row in GATE_INPUTS], [0, 1, 1, 0])  #: 1 when exactly one input is 1

#: The gates by name, e.g. ``GATES["AND"]``.
GATES = {"OR": OR, "AND": AND, "NAND": NAND, "XOR": XOR}

#: What each column of a SPAM row means.
SPAM_FEATURES = [
    "links",  # how many web links the e-mail contains
    "exclamation_marks",  # how many "!" it contains
    "capital_letters",  # the fraction of its letters that are CAPITALS, from 0 to 1
    "known_sender",  # 1 if the sender is in your address book, else 0
]

#: 16 invented e-mails: label 1 is spam, 0 is a normal e-mail ("ham").
SPAM = (
    [
        # links, exclamation_marks, capital_letters, known_sender
        [0, 0, 0.05, 1],  # meeting notes from a colleague
        [1, 1, 0.08, 1],  # a friend sends a link to photos
        [2, 0, 0.04, 1],  # newsletter you subscribed to
        [0, 2, 0.10, 1],  # "Happy birthday!!"
        [1, 0, 0.06, 0],  # a shop's order confirmation
        [0, 1, 0.03, 0],  # a new colleague introduces themselves
        [3, 1, 0.07, 1],  # reading list from your teacher
        [2, 3, 0.12, 1],  # holiday plans from family
        [5, 4, 0.40, 0],  # "YOU HAVE WON!!!!"
        [8, 6, 0.55, 0],  # "CHEAP watches, click here"
        [3, 5, 0.35, 0],  # "Urgent!!! verify your account"
        [6, 2, 0.25, 0],  # "Exclusive offers" with many links
        [4, 8, 0.60, 0],  # "ACT NOW!!!!!!!!"
        [9, 7, 0.50, 1],  # a friend's hacked account sends adverts
        [2, 6, 0.45, 0],  # "FREE GIFT!!!!!!"
        [10, 9, 0.70, 0],  # "MILLIONS OF DOLLARS!!!"
    ],
    [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1],
)

#: Prices in the shopping example: an apple costs 10, an orange 15, delivery 5.
APPLE_PRICE, ORANGE_PRICE, DELIVERY = 10, 15, 5


def shopping_bill() -> Neuron:
    """The bill as a neuron: bill = 10 × apples + 15 × oranges + 5, with identity activation.

    ``shopping_bill()([2, 3])`` is 2 × 10 + 3 × 15 + 5 = 70.0.
    """
    return Neuron(weights=[APPLE_PRICE, ORANGE_PRICE], bias=DELIVERY, activation="identity")
