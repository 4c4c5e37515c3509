"""Pictures in pure Python: plots that draw themselves as SVG.

    plot_functions({"sigmoid": sigmoid, "tanh": tanh}, -5, 5)   # curves y = f(x)
    plot_lines([(2, 1), (-1, 0)], -3, 3)                        # lines z = w·x + b
    plot_loss(history)                                          # loss against epoch
    plot_decision_boundary(neuron, X, y)                        # a 2-input neuron's output over the plane
    draw_neuron(neuron, inputs)                                 # the neuron itself (also neuron.draw(inputs))

The plot functions return a ``Plot``; ``draw_neuron`` returns a ``NeuronDiagram``
(inputs, one edge per weight, the sum with its bias, the activation, the output,
with the numbers ``explain`` prints). A notebook or a course code panel shows
either as a picture (through its ``_repr_svg_`` method), and so a ``Neuron``
itself; ``.to_svg()`` gives the SVG text. The decision boundary's shading is a
heat map of the output drawn as a few bands parallel to the line z = 0, with a
colour bar (``ColorBar``) saying which outputs the colours stand for.

Text and axes use ``currentColor``, so an SVG placed in a page takes the
page's text colour (dark on a light theme, light on a dark one); the curves
use ``PALETTE``, mid-tone colours that stay readable on both (contrast at
least 3:1 against white and against the dark background #1e2129).

The package, one job per module: ``charts`` (the plot functions above),
``figure`` (the ``Plot``, its layout and its colour bar), ``heatmap`` (the bands
of equal output), ``diagram`` (the neuron drawn), ``ticks`` (ranges and round
tick values), ``clipping`` (what lies inside the plotting area), ``svg`` (the
SVG elements). Everything is importable from here: ``from neuron.plot import Plot``.
"""

from .charts import LinearNeuron, LossHistory, plot_decision_boundary, plot_functions, plot_lines, plot_loss
from .clipping import Point, clip_polygon, clip_segment, visible_pieces
from .diagram import NeuronDiagram, draw_neuron
from .figure import (
    AXIS_SPACE,
    CHAR_WIDTH,
    DASHES,
    FONT,
    LEFT,
    LEGEND_GAP,
    LEGEND_ROW,
    LEGEND_SAMPLE,
    PALETTE,
    PLOT_HEIGHT,
    RIGHT,
    TITLE_FONT,
    TOP,
    WIDTH,
    ColorBar,
    Plot,
    Series,
)
from .heatmap import Band, OutputScale, output_bands, output_scale
from .ticks import nice_step, nice_ticks, padded_range, tick_label
