"""Turtle graphics, drawn by the page: Pylings' `turtle` module.

CPython's `turtle` draws with Tk, which a browser does not have. This one follows CPython's API,
defaults and arithmetic (positions, headings and `circle()` come out as CPython's do) and records
every drawing operation as plain data, sent to the page in batches while the program runs.

Supported:
  Turtle() (also Pen()) and the default turtle behind the module functions:
    forward fd backward bk back left lt right rt goto setpos setposition setx sety teleport
    home circle dot stamp clearstamp clearstamps penup pu up pendown pd down isdown pensize
    width pen pencolor fillcolor color begin_fill end_fill filling fill heading setheading
    seth position pos xcor ycor distance towards hideturtle ht showturtle st isvisible shape
    speed write clear reset clone degrees radians begin_poly end_poly get_poly poly
    getscreen getturtle getpen setundobuffer undobufferentries
  Screen() and its module functions:
    bgcolor title setup screensize tracer update delay colormode mode ("standard", "logo")
    turtles window_width window_height clearscreen resetscreen getshapes no_animation
    done mainloop exitonclick bye (these return at once: the drawing is in the page)
  Vec2D, Terminator, TurtleGraphicsError.

Not supported, because the program runs to its end in a background worker and cannot wait for
the page: events (onclick, onscreenclick, onrelease, ondrag, onkey, onkeypress, onkeyrelease,
listen, ontimer) and dialogs (textinput, numinput; use input()). Nor what needs Tk itself:
shape stretching and tilting, register_shape/addshape, bgpic, getcanvas, save,
setworldcoordinates ("world" mode), undo. These raise NotImplementedError saying so.
"""

# Operations, as the host gets them (`_pylings_host.drawing`, JSON arrays in batches of at most
# 200, sent when a batch is full, when the program sleeps or calls done()/mainloop()/bye()/
# exitonclick(), and when it ends, however it ends). Coordinates are turtle coordinates (origin
# in the middle, y up), numbers rounded to 2 decimals; colours '#rrggbb', or "" for none; `t` is a
# turtle's id (1, 2, ... in order of creation); `h` is the direction a turtle faces, in degrees
# counterclockwise from east (whatever mode() and degrees() say):
#   {"op":"turtle","t","xy":[x,y],"h","shape","visible","c":pen colour,"f":fill colour}
#       a turtle appeared or changed (moved with the pen up, turned, changed colour, shape...);
#   {"op":"line","t","a":[x,y],"b":[x,y],"c","w":width}   a move with the pen down (the turtle
#       is now at b; Tk draws lines with round caps);
#   {"op":"begin_fill","t"}   where the next fill of turtle t goes in the drawing order (under
#       the lines drawn after it, as in Tk);
#   {"op":"fill","t","p":[[x,y],...],"c"}   end_fill(): fill that polygon (even-odd, as Tk);
#   {"op":"dot","t","xy","d":diameter,"c"};
#   {"op":"stamp","t","id","xy","h","shape","c","f"};  {"op":"clearstamp","id"};
#   {"op":"text","t","xy","s":text,"align":"left"|"center"|"right","font":[family,size,style],
#       "c"}   size in points; the text's bottom left, centre or right is at xy (Tk's anchors);
#   {"op":"clear","t"}   delete what turtle t drew (lines, fills, dots, stamps, texts);
#   {"op":"reset"}   clearscreen(): delete every drawing and turtle, white background, tracer 1;
#   {"op":"bg","c"};  {"op":"setup","w","h"} (the drawing area's size, 400 by 400 until then);
#   {"op":"title","s"};  {"op":"speed","t","v":0..10} (a turtle's speed, 3 until then);
#   {"op":"tracer","n","d":delay in ms} (1 and 10 until then);  {"op":"update"}.

import math
import sys

import _pylings_boot
import _pylings_host
from _pylings_colors import to_hex as _to_hex

# CPython's public names: the module functions are generated from the methods (below).
_CLASSES = ["ScrolledCanvas", "TurtleScreen", "Screen", "RawTurtle", "Turtle", "RawPen", "Pen",
            "Shape", "Vec2D"]
_SCREEN_FUNCTIONS = [
    "addshape", "bgcolor", "bgpic", "bye", "clearscreen", "colormode", "delay",
    "exitonclick", "getcanvas", "getshapes", "listen", "mainloop", "mode", "no_animation",
    "numinput", "onkey", "onkeypress", "onkeyrelease", "onscreenclick", "ontimer",
    "register_shape", "resetscreen", "screensize", "save", "setup", "setworldcoordinates",
    "textinput", "title", "tracer", "turtles", "update", "window_height", "window_width"]
_TURTLE_FUNCTIONS = [
    "back", "backward", "begin_fill", "begin_poly", "bk", "circle", "clear", "clearstamp",
    "clearstamps", "clone", "color", "degrees", "distance", "dot", "down", "end_fill",
    "end_poly", "fd", "fillcolor", "fill", "filling", "forward", "get_poly", "getpen",
    "getscreen", "get_shapepoly", "getturtle", "goto", "heading", "hideturtle", "home", "ht",
    "isdown", "isvisible", "left", "lt", "onclick", "ondrag", "onrelease", "pd", "pen",
    "pencolor", "pendown", "pensize", "penup", "poly", "pos", "position", "pu", "radians",
    "right", "reset", "resizemode", "rt", "seth", "setheading", "setpos", "setposition",
    "setundobuffer", "setx", "sety", "shape", "shapesize", "shapetransform", "shearfactor",
    "showturtle", "speed", "st", "stamp", "teleport", "tilt", "tiltangle", "towards",
    "turtlesize", "undo", "undobufferentries", "up", "width", "write", "xcor", "ycor"]
__all__ = (_CLASSES + _SCREEN_FUNCTIONS + _TURTLE_FUNCTIONS
           + ["write_docstringdict", "done", "Terminator"])

# The drawing area when `setup()` is not called, and the "screen" that fractions given to
# `setup()` are taken of (setup(0.5, 0.5) is the default size).
_DEFAULT_SIZE = 400
_SCREEN_SIZE = 800
# Operations sent to the host in one batch.
_BATCH = 200
# The largest coordinate or size the page gets.
_FAR = 1e9
# The shapes a turtle can take (CPython's polygons; the page draws them).
_SHAPES = ("arrow", "blank", "circle", "classic", "square", "triangle", "turtle")
_SPEEDS = {"fastest": 0, "fast": 10, "normal": 6, "slow": 3, "slowest": 1}
_DEFAULT_DELAY = 10
# pen() keys for shape stretching and tilting, with the only values Pylings draws.
_SHAPE_PEN = {"resizemode": "noresize", "stretchfactor": (1.0, 1.0), "shearfactor": 0.0,
              "outline": 1, "tilt": 0.0}


class Terminator(Exception):
    """Raised by CPython's turtle when its window was closed; kept for programs that catch it."""


class TurtleGraphicsError(Exception):
    """A turtle function was given a value it cannot use (a bad colour, shape or mode)."""


# What unsupported functions say, by reason.
_EVENTS = ("your program runs to its end in a background worker while the page draws, "
           "so it cannot wait for clicks, keys or timers")
_DIALOG = ("a dialog would have to pause your program, which runs in a background worker, "
           "until the page answers. Use input() instead")
_NO_TK = "Pylings' turtle draws in the page, without Tk"
_SUPPORTED = "print(turtle.__doc__) lists what is supported."


def _refuse(what, reason):
    """Raises NotImplementedError saying why `what` is not available."""
    raise NotImplementedError(
        "turtle's %s is not available in Pylings: %s. %s" % (what, reason, _SUPPORTED))


class _Unsupported:
    """Stands for a CPython function or method Pylings cannot provide: calling it raises
    NotImplementedError saying why. (Not a function, so as a class attribute it is not bound.)"""

    def __init__(self, name, reason):
        self.__name__ = self.__qualname__ = name
        self._reason = reason

    def __call__(self, *args, **kwargs):
        _refuse(self.__name__ + "()", self._reason)

    def __repr__(self):
        return "<turtle.%s: not available in Pylings>" % self.__name__


class Vec2D(tuple):
    """A 2D vector (a tuple of x and y): turtle positions. `a + b`, `a - b`, `-a`, `k * a`,
    `a * k`, `a * b` (the dot product), `abs(a)` and `a.rotate(degrees)`, as in CPython."""

    def __new__(cls, x, y):
        return tuple.__new__(cls, (x, y))

    def __add__(self, other):
        return Vec2D(self[0] + other[0], self[1] + other[1])

    def __sub__(self, other):
        return Vec2D(self[0] - other[0], self[1] - other[1])

    def __mul__(self, other):
        if isinstance(other, Vec2D):
            return self[0] * other[0] + self[1] * other[1]
        return Vec2D(self[0] * other, self[1] * other)

    def __rmul__(self, other):
        if isinstance(other, (int, float)):
            return Vec2D(self[0] * other, self[1] * other)
        return NotImplemented

    def __neg__(self):
        return Vec2D(-self[0], -self[1])

    def __abs__(self):
        return math.hypot(*self)

    def rotate(self, angle):
        """The vector turned counterclockwise by `angle` degrees."""
        x, y = _rotated(self[0], self[1], angle)
        return Vec2D(x, y)

    def __getnewargs__(self):
        return (self[0], self[1])

    def __repr__(self):
        return "(%.2f,%.2f)" % self


def _rotated(x, y, degrees):
    """(x, y) turned counterclockwise, with CPython's arithmetic (so headings match)."""
    radians = math.radians(degrees)
    c, s = math.cos(radians), math.sin(radians)
    return x * c + -y * s, y * c + x * s


def _r(number):
    """A coordinate or size as the page gets it: a float rounded to 2 decimals, never -0.0,
    and finite (JSON has no infinity: those are drawn at 1e9, NaN at 0)."""
    number = round(float(number), 2) + 0.0
    if -_FAR <= number <= _FAR:
        return number
    return math.copysign(_FAR, number) if number == number else 0.0


# ----------------------------------------------------------------------------- recording

# JSON escapes for str.translate: quotes, backslashes and control characters.
_ESCAPES = {code: "\\u%04x" % code for code in range(32)}
_ESCAPES.update({ord('"'): '\\"', ord("\\"): "\\\\"})
# Operations with text from the program (the others' strings are Pylings' own: '#rrggbb', names).
_FREE_TEXT = ("text", "title")


def _json(op):
    """JSON text of an operation. The repr() of one without free text is JSON once quotes and
    booleans are spelt JSON's way (its numbers went through _r()), and is much faster to make."""
    if op["op"] in _FREE_TEXT:
        return _json_value(op)
    return (repr(op).replace("'", '"').replace(", ", ",").replace(": ", ":")
            .replace("True", "true").replace("False", "false"))


def _json_value(value):
    """JSON text of a value of an operation with free text: a dict, list, str or number (finite:
    see _r())."""
    if isinstance(value, str):
        return '"' + value.translate(_ESCAPES) + '"'
    if isinstance(value, list):
        return "[" + ",".join(map(_json_value, value)) + "]"
    if isinstance(value, dict):
        return "{" + ",".join('"%s":%s' % (key, _json_value(item))
                              for key, item in value.items()) + "}"
    return repr(value)


class _Recording:
    """The operations drawn in this run: sent to the host as JSON arrays of at most `_BATCH`,
    and all kept for exercise checks when `keep` is true."""

    def __init__(self, keep):
        self.ops = [] if keep else None
        self._pending = []

    def add(self, op):
        """Records one operation (a dict), sending a batch when one is full."""
        if self.ops is not None:
            self.ops.append(op)
        self._pending.append(op)
        if len(self._pending) >= _BATCH:
            self.flush()

    def flush(self):
        """Sends the operations not sent yet."""
        if self._pending:
            _pylings_host.drawing("[" + ",".join(map(_json, self._pending)) + "]")
            self._pending = []


_recording = _Recording(_pylings_boot.keep_drawing)


# ----------------------------------------------------------------------------- the screen

def Screen():
    """The screen (the page's drawing area): one for the whole program."""
    if Turtle._screen is None:
        Turtle._screen = _Screen()
    return Turtle._screen


class _During:
    """A context manager calling `begin()` when entered and `end()` when left, even on error."""

    def __init__(self, begin, end):
        self._begin, self._end = begin, end

    def __enter__(self):
        self._begin()

    def __exit__(self, *error):
        self._end()
        return False


class _Screen:
    """The drawing area: background, size, title, animation and colour settings."""

    def __init__(self):
        self._turtles = []
        self._mode = "standard"
        self._width = self._height = _DEFAULT_SIZE
        self._turtle_ids = 0
        self._stamp_ids = 0
        self._defaults()

    def _defaults(self):
        """The settings clear() restores."""
        self._bg = "white"
        self._colormode = 1.0
        self._tracing = 1
        self._delay = _DEFAULT_DELAY

    def _next_turtle_id(self):
        self._turtle_ids += 1
        return self._turtle_ids

    def _next_stamp_id(self):
        self._stamp_ids += 1
        return self._stamp_ids

    # Colours.

    def _colorstr(self, color):
        """The Tk colour string for colour arguments: a string (checked), or three numbers
        in the range of the colour mode, as one tuple or separately."""
        if len(color) == 1:
            color = color[0]
        if isinstance(color, str):
            if color == "" or _to_hex(color) is not None:
                return color
            raise TurtleGraphicsError("bad color string: %s" % color)
        try:
            r, g, b = color
        except (TypeError, ValueError):
            raise TurtleGraphicsError("bad color arguments: %s" % str(color)) from None
        if self._colormode == 1.0:
            r, g, b = [round(255.0 * x) for x in (r, g, b)]
        if not (0 <= r <= 255 and 0 <= g <= 255 and 0 <= b <= 255):
            raise TurtleGraphicsError("bad color sequence: %s" % str(color))
        return "#%02x%02x%02x" % (r, g, b)

    def _color(self, color):
        """What a colour getter returns: a name as given, '#rrggbb' as a tuple in the mode."""
        if not color.startswith("#"):
            return color
        if len(color) == 7:
            channels = [int(color[i:i + 2], 16) for i in (1, 3, 5)]
        elif len(color) == 4:
            channels = [16 * int(digit, 16) for digit in color[1:]]
        else:
            raise TurtleGraphicsError("bad colorstring: %s" % color)
        return tuple(channel * self._colormode / 255 for channel in channels)

    def colormode(self, cmode=None):
        """Return the colour mode, or set it: 1.0 (r, g, b from 0 to 1) or 255."""
        if cmode is None:
            return self._colormode
        if cmode == 1.0:
            self._colormode = float(cmode)
        elif cmode == 255:
            self._colormode = int(cmode)

    def bgcolor(self, *args):
        """Return the background colour, or set it (a name, '#rrggbb' or r, g, b)."""
        if not args:
            return self._color(self._bg)
        self._bg = self._colorstr(args)
        _recording.add({"op": "bg", "c": _to_hex(self._bg) or ""})

    # The drawing area and its animation.

    def title(self, titlestring):
        """Set the title shown above the drawing."""
        _recording.add({"op": "title", "s": str(titlestring)})

    def setup(self, width=_DEFAULT_SIZE, height=_DEFAULT_SIZE, startx=None, starty=None):
        """Set the size of the drawing area, in pixels, or as a fraction (a float from 0 to 1)
        of an 800 by 800 screen. `startx` and `starty` (a window's position) are ignored."""
        self._resize(self._pixels(width), self._pixels(height))

    @staticmethod
    def _pixels(size):
        if isinstance(size, float) and 0 <= size <= 1:
            size *= _SCREEN_SIZE
        return int(size)

    def _resize(self, width, height):
        self._width, self._height = width, height
        _recording.add({"op": "setup", "w": width, "h": height})

    def screensize(self, canvwidth=None, canvheight=None, bg=None):
        """Return the size of the drawing area, or set it (and the background colour).
        In Pylings the canvas is the window: screensize() and setup() set the same size."""
        if canvwidth is None and canvheight is None and bg is None:
            return self._width, self._height
        if canvwidth is not None or canvheight is not None:
            self._resize(canvwidth or self._width, canvheight or self._height)
        if bg is not None:
            self.bgcolor(bg)

    def window_width(self):
        """The width of the drawing area."""
        return self._width

    def window_height(self):
        """The height of the drawing area."""
        return self._height

    def tracer(self, n=None, delay=None):
        """Return the tracer setting, or set it: 0 turns animation off (draw with update()),
        n > 1 shows every n-th update; `delay` sets the delay between updates in ms."""
        if n is None:
            return self._tracing
        self._tracing = int(n)
        if delay is not None:
            self._delay = int(delay)
        self._record_tracer()

    def delay(self, delay=None):
        """Return or set the delay between animation updates, in milliseconds."""
        if delay is None:
            return self._delay
        self._delay = int(delay)
        self._record_tracer()

    def _record_tracer(self):
        _recording.add({"op": "tracer", "n": self._tracing, "d": self._delay})

    def update(self):
        """Show everything drawn so far (needed after tracer(0))."""
        _recording.add({"op": "update"})

    def no_animation(self):
        """A context manager: draws its block without animation (tracer(0)), then restores."""
        saved = self._tracing
        return _During(lambda: self.tracer(0), lambda: self.tracer(saved))

    def mode(self, mode=None):
        """Return the turtle mode, or set it and reset the turtles: "standard" (heading 0 is
        east, angles counterclockwise) or "logo" (0 is north, clockwise)."""
        if mode is None:
            return self._mode
        mode = mode.lower()
        if mode not in ("standard", "logo", "world"):
            raise TurtleGraphicsError("No turtle-graphics-mode %s" % mode)
        if mode == "world":
            _refuse("mode('world')", _NO_TK)
        self._mode = mode
        self.reset()

    # Turtles.

    def turtles(self):
        """The list of turtles on the screen."""
        return self._turtles

    def getshapes(self):
        """The names of the shapes a turtle can take."""
        return sorted(_SHAPES)

    def clear(self):
        """Delete every drawing and every turtle; white background, animation on again."""
        self._defaults()
        self._turtles = []
        Turtle._pen = None
        _recording.add({"op": "reset"})

    def reset(self):
        """Reset every turtle on the screen (see Turtle.reset)."""
        for turtle in self._turtles:
            turtle._set_mode(self._mode)
            turtle.reset()

    # The end of the program.

    def mainloop(self):
        """Return at once (in CPython it waits for the window to close): the drawing stays
        in the page."""
        _recording.flush()

    def exitonclick(self):
        """Return at once: Pylings cannot wait for a click (the drawing stays in the page)."""
        _recording.flush()

    def bye(self):
        """Return at once: the drawing stays in the page."""
        _recording.flush()

    clearscreen = clear
    resetscreen = reset

    onclick = onscreenclick = _Unsupported("onscreenclick", _EVENTS)
    onkey = _Unsupported("onkey", _EVENTS)
    onkeyrelease = _Unsupported("onkeyrelease", _EVENTS)
    onkeypress = _Unsupported("onkeypress", _EVENTS)
    listen = _Unsupported("listen", _EVENTS)
    ontimer = _Unsupported("ontimer", _EVENTS)
    textinput = _Unsupported("textinput", _DIALOG)
    numinput = _Unsupported("numinput", _DIALOG)
    register_shape = _Unsupported("register_shape", _NO_TK)
    addshape = _Unsupported("addshape", _NO_TK)
    bgpic = _Unsupported("bgpic", _NO_TK)
    getcanvas = _Unsupported("getcanvas", _NO_TK)
    save = _Unsupported("save", _NO_TK)
    setworldcoordinates = _Unsupported("setworldcoordinates", _NO_TK)


# ----------------------------------------------------------------------------- turtles

class Turtle:
    """A turtle drawing on the screen, with CPython's methods and defaults: at (0, 0) facing
    east, pen down, black, 1 pixel wide, speed 3, shape "classic"."""

    # The turtle of the module functions (created by the first of them) and the screen.
    _pen = None
    _screen = None

    def __init__(self, shape="classic", undobuffersize=1000, visible=True):
        self.screen = Screen()
        self._id = self.screen._next_turtle_id()
        self._check_shape(shape)
        self._shape = shape
        self._set_mode(self.screen._mode)
        self._set_units(360.0)
        self._speed = 3
        self._start()
        self._shown = visible
        self._join()

    def _start(self):
        """Position, heading and pen as a new turtle has them (reset() restores these, and
        then the speed)."""
        self._x, self._y = 0.0, 0.0
        self._ox, self._oy = (0.0, 1.0) if self._mode == "logo" else (1.0, 0.0)
        self._pendown = True
        self._pensize = 1
        self._pencolor = self._fillcolor = "black"
        self._pen_hex = self._fill_hex = "#000000"
        self._shown = True
        self._fillpath = None
        self._poly = None
        self._creating_poly = False
        self._stamps = []

    def _join(self):
        """Puts the turtle on the screen and tells the page (a new turtle has speed 3)."""
        self.screen._turtles.append(self)
        self._record_state()
        if self._speed != 3:
            _recording.add({"op": "speed", "t": self._id, "v": self._speed})

    # Recording.

    def _record_state(self):
        """Tells the page where the turtle is and how it looks."""
        _recording.add({"op": "turtle", "t": self._id, "xy": [_r(self._x), _r(self._y)],
                        "h": self._screen_angle(), "shape": self._shape,
                        "visible": bool(self._shown), "c": self._pen_hex, "f": self._fill_hex})

    def _screen_angle(self):
        """The direction the turtle faces: degrees counterclockwise from east."""
        return _r(math.degrees(math.atan2(self._oy, self._ox))) % 360.0

    # Modes and angle units.

    def _set_mode(self, mode):
        self._mode = mode
        self._angle_orient = -1 if mode == "logo" else 1

    def _set_units(self, fullcircle):
        self._fullcircle = fullcircle
        self._degrees_per_unit = 360 / fullcircle

    @property
    def _angle_offset(self):
        return self._fullcircle / 4.0 if self._mode == "logo" else 0

    def degrees(self, fullcircle=360.0):
        """Measure angles in degrees, or in `fullcircle` units per turn."""
        self._set_units(fullcircle)

    def radians(self):
        """Measure angles in radians."""
        self._set_units(math.tau)

    # Moving and turning.

    def _goto(self, x, y):
        """Moves to (x, y), drawing a line if the pen is down."""
        start_x, start_y = self._x, self._y
        self._x, self._y = x, y
        if self._fillpath is not None:
            self._fillpath.append((x, y))
        if self._creating_poly:
            self._poly.append((x, y))
        if (x, y) == (start_x, start_y):
            return
        if self._pendown:
            _recording.add({"op": "line", "t": self._id, "a": [_r(start_x), _r(start_y)],
                            "b": [_r(x), _r(y)], "c": self._pen_hex, "w": _r(self._pensize)})
        else:
            self._record_state()

    def _go(self, distance):
        self._goto(self._x + self._ox * distance, self._y + self._oy * distance)

    def _rotate(self, angle):
        """Turns counterclockwise by `angle` units."""
        angle *= self._degrees_per_unit
        self._ox, self._oy = _rotated(self._ox, self._oy, angle)
        if angle:
            self._record_state()

    def forward(self, distance):
        """Move forward by `distance`, in the direction the turtle faces."""
        self._go(distance)

    def back(self, distance):
        """Move backward by `distance`, without turning."""
        self._go(-distance)

    def right(self, angle):
        """Turn right by `angle` (degrees unless radians() or degrees(n) said otherwise)."""
        self._rotate(-angle)

    def left(self, angle):
        """Turn left by `angle`."""
        self._rotate(angle)

    def goto(self, x, y=None):
        """Move to (x, y), or to the pair `x`; draws a line if the pen is down."""
        if y is None:
            x, y = x
        self._goto(x, y)

    def setx(self, x):
        """Move to x, keeping y."""
        self._goto(x, self._y)

    def sety(self, y):
        """Move to y, keeping x."""
        self._goto(self._x, y)

    def home(self):
        """Move to (0, 0) and face the start direction."""
        self.goto(0, 0)
        self.setheading(0)

    def teleport(self, x=None, y=None, *, fill_gap=False):
        """Jump to (x, y) (either kept if None) without drawing. A fill in progress ends here
        and starts again there, unless `fill_gap` is true."""
        filling = self.filling()
        if filling and not fill_gap:
            self.end_fill()
        self._x = self._x if x is None else x
        self._y = self._y if y is None else y
        self._record_state()
        if filling and not fill_gap:
            self.begin_fill()

    def setheading(self, to_angle):
        """Face `to_angle`: 0 east, 90 north, 180 west, 270 south (in standard mode)."""
        angle = (to_angle - self.heading()) * self._angle_orient
        full = self._fullcircle
        angle = (angle + full / 2.0) % full - full / 2.0
        self._rotate(angle)

    def circle(self, radius, extent=None, steps=None):
        """Draw a circle of `radius` whose centre is `radius` to the turtle's left (right if
        negative), or an arc of `extent`, as a polygon of `steps` sides (chosen from the
        radius if not given)."""
        if extent is None:
            extent = self._fullcircle
        if steps is None:
            fraction = abs(extent) / self._fullcircle
            steps = 1 + int(min(11 + abs(radius) / 6.0, 59.0) * fraction)
        turn = 1.0 * extent / steps
        half = 0.5 * turn
        side = 2.0 * radius * math.sin(math.radians(half) * self._degrees_per_unit)
        if radius < 0:
            side, turn, half = -side, -turn, -half
        self._rotate(half)
        for _ in range(steps):
            self._go(side)
            self._rotate(turn)
        self._rotate(-half)

    # Where the turtle is.

    def position(self):
        """The turtle's position, a Vec2D."""
        return Vec2D(self._x, self._y)

    def xcor(self):
        """The turtle's x coordinate."""
        return self._x

    def ycor(self):
        """The turtle's y coordinate."""
        return self._y

    def heading(self):
        """The direction the turtle faces (0 is east, 90 north in standard mode)."""
        result = round(math.degrees(math.atan2(self._oy, self._ox)), 10) % 360.0
        result /= self._degrees_per_unit
        return (self._angle_offset + self._angle_orient * result) % self._fullcircle

    def _point(self, x, y):
        """The point meant by distance()'s and towards()'s arguments."""
        if y is not None:
            return x, y
        if isinstance(x, Turtle):
            return x._x, x._y
        return x[0], x[1]

    def distance(self, x, y=None):
        """The distance to (x, y), to a pair or to another turtle."""
        x, y = self._point(x, y)
        return math.hypot(x - self._x, y - self._y)

    def towards(self, x, y=None):
        """The heading from the turtle to (x, y), to a pair or to another turtle."""
        x, y = self._point(x, y)
        result = round(math.degrees(math.atan2(y - self._y, x - self._x)), 10) % 360.0
        result /= self._degrees_per_unit
        return (self._angle_offset + self._angle_orient * result) % self._fullcircle

    # The pen.

    def penup(self):
        """Lift the pen: moving no longer draws."""
        self._pendown = False

    def pendown(self):
        """Put the pen down: moving draws."""
        self._pendown = True

    def isdown(self):
        """True if the pen is down."""
        return self._pendown

    def pensize(self, width=None):
        """Return the line width, or set it."""
        if width is None:
            return self._pensize
        self._pensize = width

    def speed(self, speed=None):
        """Return the animation speed, or set it: 1 (slowest) to 10 (fast), 0 for no
        animation, or "fastest" (0), "fast" (10), "normal" (6), "slow" (3), "slowest" (1)."""
        if speed is None:
            return self._speed
        if speed in _SPEEDS:
            speed = _SPEEDS[speed]
        elif 0.5 < speed < 10.5:
            speed = int(round(speed))
        else:
            speed = 0
        self._set_speed(speed)

    def _set_speed(self, speed):
        if speed != self._speed:
            self._speed = speed
            _recording.add({"op": "speed", "t": self._id, "v": speed})

    def pencolor(self, *args):
        """Return the pen colour, or set it: a name ("red"), '#rrggbb', or r, g, b in the
        colour mode (see colormode()), as a tuple or separately."""
        if not args:
            return self.screen._color(self._pencolor)
        color = self.screen._colorstr(args)
        if color != self._pencolor:
            self._set_colors(color, self._fillcolor)

    def fillcolor(self, *args):
        """Return the fill colour, or set it (as pencolor())."""
        if not args:
            return self.screen._color(self._fillcolor)
        color = self.screen._colorstr(args)
        if color != self._fillcolor:
            self._set_colors(self._pencolor, color)

    def color(self, *args):
        """Return (pen colour, fill colour), or set both: color(c), color(pen, fill), or
        color(r, g, b)."""
        if not args:
            return self.pencolor(), self.fillcolor()
        if len(args) == 1:
            pen = fill = args[0]
        elif len(args) == 2:
            pen, fill = args
        else:
            pen = fill = args
        self._set_colors(self.screen._colorstr(pen), self.screen._colorstr(fill))

    def _set_colors(self, pen, fill):
        self._pencolor, self._fillcolor = pen, fill
        self._pen_hex, self._fill_hex = _to_hex(pen) or "", _to_hex(fill) or ""
        self._record_state()

    def pen(self, pen=None, **pendict):
        """Return the pen's attributes as a dict, or set some from a dict or keywords:
        shown, pendown, pencolor, fillcolor, pensize, speed."""
        attributes = {"shown": self._shown, "pendown": self._pendown,
                      "pencolor": self._pencolor, "fillcolor": self._fillcolor,
                      "pensize": self._pensize, "speed": self._speed}
        if not (pen or pendict):
            return dict(attributes, **_SHAPE_PEN)
        changes = dict(pen) if isinstance(pen, dict) else {}
        changes.update(pendict)
        for key, value in changes.items():
            if key in _SHAPE_PEN and value != _SHAPE_PEN[key]:
                _refuse("pen(%s=...)" % key, _NO_TK)
            if key not in attributes and key not in _SHAPE_PEN:
                raise KeyError(key)
        self._apply_pen(changes)

    def _apply_pen(self, changes):
        if "pendown" in changes:
            self._pendown = changes["pendown"]
        if "pensize" in changes:
            self._pensize = changes["pensize"]
        if "speed" in changes:
            self.speed(changes["speed"])
        if "pencolor" in changes or "fillcolor" in changes:
            pen = changes.get("pencolor", self._pencolor)
            fill = changes.get("fillcolor", self._fillcolor)
            self._set_colors(self.screen._colorstr((pen,)), self.screen._colorstr((fill,)))
        if "shown" in changes:
            self._show(changes["shown"])

    # How the turtle looks.

    def showturtle(self):
        """Show the turtle."""
        self._show(True)

    def hideturtle(self):
        """Hide the turtle (its drawing stays)."""
        self._show(False)

    def _show(self, shown):
        if shown != self._shown:
            self._shown = shown
            self._record_state()

    def isvisible(self):
        """True if the turtle is shown."""
        return self._shown

    @staticmethod
    def _check_shape(name):
        if name not in _SHAPES:
            raise TurtleGraphicsError("There is no shape named %s" % name)

    def shape(self, name=None):
        """Return the turtle's shape, or set it: "arrow", "turtle", "circle", "square",
        "triangle", "classic" or "blank"."""
        if name is None:
            return self._shape
        self._check_shape(name)
        self._shape = name
        self._record_state()

    # Filling.

    def filling(self):
        """True between begin_fill() and end_fill()."""
        return self._fillpath is not None

    def begin_fill(self):
        """Start a shape to fill: end_fill() fills what the turtle traced since."""
        if not self.filling():
            _recording.add({"op": "begin_fill", "t": self._id})
        self._fillpath = [(self._x, self._y)]

    def end_fill(self):
        """Fill the shape traced since begin_fill() with the fill colour."""
        if not self.filling():
            return
        if len(self._fillpath) > 2:
            points = [[_r(x), _r(y)] for x, y in self._fillpath]
            _recording.add({"op": "fill", "t": self._id, "p": points, "c": self._fill_hex})
        self._fillpath = None

    def fill(self):
        """A context manager: `with t.fill():` fills what its block draws."""
        return _During(self.begin_fill, self.end_fill)

    # Marks: dots, stamps and text.

    def dot(self, size=None, *color):
        """Draw a dot of diameter `size` (default: the larger of pensize + 4 and
        2 * pensize) in `color` (default: the pen colour)."""
        if not color:
            if isinstance(size, (str, tuple)):
                color = self.screen._colorstr(size)
                size = self._pensize + max(self._pensize, 4)
            else:
                color = self._pencolor
                if not size:
                    size = self._pensize + max(self._pensize, 4)
        else:
            if size is None:
                size = self._pensize + max(self._pensize, 4)
            color = self.screen._colorstr(color)
        _recording.add({"op": "dot", "t": self._id, "xy": [_r(self._x), _r(self._y)],
                        "d": _r(size), "c": _to_hex(color) or ""})

    def stamp(self):
        """Print the turtle's shape where it stands; returns an id for clearstamp()."""
        stamp_id = self.screen._next_stamp_id()
        self._stamps.append(stamp_id)
        _recording.add({"op": "stamp", "t": self._id, "id": stamp_id,
                        "xy": [_r(self._x), _r(self._y)], "h": self._screen_angle(),
                        "shape": self._shape, "c": self._pen_hex, "f": self._fill_hex})
        return stamp_id

    def clearstamp(self, stampid):
        """Delete the stamp with this id (one of this turtle's)."""
        if stampid in self._stamps:
            stamp_id = self._stamps.pop(self._stamps.index(stampid))
            _recording.add({"op": "clearstamp", "id": stamp_id})

    def clearstamps(self, n=None):
        """Delete all of this turtle's stamps, the first n, or the last -n."""
        if n is None:
            doomed = self._stamps[:]
        elif n >= 0:
            doomed = self._stamps[:n]
        else:
            doomed = self._stamps[n:]
        for stamp_id in doomed:
            self.clearstamp(stamp_id)

    def write(self, arg, move=False, align="left", font=("Arial", 8, "normal")):
        """Write str(arg) at the turtle, aligned "left", "center" or "right" of it, in `font`
        (family, size, style). With `move`, the turtle moves to the text's end (estimated:
        Pylings cannot measure text while Python runs)."""
        text = str(arg)
        align = align.lower()
        if align not in ("left", "center", "right"):
            raise KeyError(align)
        family, size, style = _font(font)
        _recording.add({"op": "text", "t": self._id, "xy": [_r(self._x), _r(self._y)],
                        "s": text, "align": align, "font": [family, size, style],
                        "c": self._pen_hex})
        if move:
            # About 0.6 em per character (Arial), a Tk point being 4/3 of a pixel wide;
            # CPython moves to the right end of the text whatever the alignment.
            width = len(text) * abs(size) * 0.6 * 4 / 3
            share = {"left": 1.0, "center": 0.5, "right": 0.0}[align]
            self._goto(self._x + width * share, self._y)

    # Clearing.

    def clear(self):
        """Delete this turtle's drawings; the turtle does not move."""
        self._fillpath = None
        self._stamps = []
        _recording.add({"op": "clear", "t": self._id})

    def reset(self):
        """Delete this turtle's drawings and put it back as it started."""
        self._start()
        self.clear()
        self._record_state()
        self._set_speed(3)

    # Polygons, clones and the rest of CPython's turtle API.

    def begin_poly(self):
        """Start recording the turtle's positions as a polygon's corners."""
        self._poly = [(self._x, self._y)]
        self._creating_poly = True

    def end_poly(self):
        """Stop recording the polygon (see get_poly())."""
        self._creating_poly = False

    def get_poly(self):
        """The polygon recorded between begin_poly() and end_poly(), as a tuple of points."""
        if self._poly is not None:
            return tuple(self._poly)

    def poly(self):
        """A context manager: `with t.poly():` records the block's positions as a polygon."""
        return _During(self.begin_poly, self.end_poly)

    def clone(self):
        """A new turtle with this one's position, heading, pen, speed and shape (not its
        stamps, polygon or fill in progress)."""
        twin = object.__new__(Turtle)
        twin.__dict__.update(self.__dict__)
        twin._id = self.screen._next_turtle_id()
        twin._stamps, twin._fillpath, twin._poly, twin._creating_poly = [], None, None, False
        twin._join()
        return twin

    def _summary(self):
        """The turtle's state at the end, for exercise checks."""
        return {"position": (_r(self._x), _r(self._y)), "heading": self.heading(),
                "pencolor": self._pen_hex, "fillcolor": self._fill_hex,
                "pensize": self._pensize, "pendown": bool(self._pendown),
                "visible": bool(self._shown), "shape": self._shape}

    def getscreen(self):
        """The screen the turtle draws on."""
        return self.screen

    def getturtle(self):
        """The turtle itself (with the module functions: the default turtle)."""
        return self

    def setundobuffer(self, size):
        """Accepted and ignored: Pylings keeps no undo buffer (undo() is not supported)."""

    def undobufferentries(self):
        """0: Pylings keeps no undo buffer."""
        return 0

    fd = forward
    bk = backward = back
    rt = right
    lt = left
    pos = position
    setpos = setposition = goto
    seth = setheading
    width = pensize
    up = pu = penup
    down = pd = pendown
    st = showturtle
    ht = hideturtle
    getpen = getturtle

    onclick = _Unsupported("onclick", _EVENTS)
    onrelease = _Unsupported("onrelease", _EVENTS)
    ondrag = _Unsupported("ondrag", _EVENTS)
    undo = _Unsupported("undo", _NO_TK)
    shapesize = _Unsupported("shapesize", _NO_TK)
    turtlesize = _Unsupported("turtlesize", _NO_TK)
    resizemode = _Unsupported("resizemode", _NO_TK)
    shearfactor = _Unsupported("shearfactor", _NO_TK)
    shapetransform = _Unsupported("shapetransform", _NO_TK)
    tilt = _Unsupported("tilt", _NO_TK)
    tiltangle = _Unsupported("tiltangle", _NO_TK)
    get_shapepoly = _Unsupported("get_shapepoly", _NO_TK)


Pen = Turtle


def _font(font):
    """(family, size, style) of a Tk font given as a tuple (family, size, style...) or a
    family name."""
    if isinstance(font, str):
        return font, 8, "normal"
    font = tuple(font)
    family = str(font[0]) if font else "Arial"
    size = font[1] if len(font) > 1 else 8
    style = " ".join(str(part) for part in font[2:]) or "normal"
    return family, _r(size), style


# ----------------------------------------------------------------------------- module functions

def _getpen():
    """The default turtle, created by the first module function that needs it."""
    if Turtle._pen is None:
        Turtle._pen = Turtle()
    return Turtle._pen


def _getscreen():
    """The screen, for the module functions of its methods."""
    return Screen()


def _parameters(method):
    """(parameters, arguments) of `method` without `self`, as source: ("x, y=None", "x, y")."""
    code = method.__code__
    names = code.co_varnames
    positional = names[1:code.co_argcount]
    keyword_only = names[code.co_argcount:code.co_argcount + code.co_kwonlyargcount]
    rest = code.co_argcount + code.co_kwonlyargcount
    defaults = method.__defaults__ or ()
    first_default = len(positional) - len(defaults)
    parameters = [name if i < first_default else "%s=%r" % (name, defaults[i - first_default])
                  for i, name in enumerate(positional)]
    arguments = list(positional)
    if code.co_flags & 0x04:  # *args
        parameters.append("*" + names[rest])
        arguments.append("*" + names[rest])
        rest += 1
    elif keyword_only:
        parameters.append("*")
    keyword_defaults = method.__kwdefaults__ or {}
    for name in keyword_only:
        parameters.append("%s=%r" % (name, keyword_defaults[name])
                          if name in keyword_defaults else name)
        arguments.append("%s=%s" % (name, name))
    if code.co_flags & 0x08:  # **kwargs
        parameters.append("**" + names[rest])
        arguments.append("**" + names[rest])
    return ", ".join(parameters), ", ".join(arguments)


def _define_functions(names, owner, getter):
    """Defines a module function for each method `names` of `owner`, calling it on `getter()`
    with the method's own parameters, as CPython generates them (so that errors name the
    function and its arguments as CPython's do). Stand-ins of unsupported methods are copied."""
    source = []
    methods = {name: getattr(owner, name) for name in names}
    for name, method in methods.items():
        if isinstance(method, _Unsupported):
            globals()[name] = method
        else:
            parameters, arguments = _parameters(method)
            source.append("def %s(%s):\n    return %s().%s(%s)\n"
                          % (name, parameters, getter, name, arguments))
    exec("".join(source), globals())
    for name, method in methods.items():
        if not isinstance(method, _Unsupported):
            globals()[name].__doc__ = method.__doc__


_define_functions(_SCREEN_FUNCTIONS, _Screen, "_getscreen")
_define_functions(_TURTLE_FUNCTIONS, Turtle, "_getpen")
done = mainloop

ScrolledCanvas = _Unsupported("ScrolledCanvas", _NO_TK)
TurtleScreen = _Unsupported("TurtleScreen", _NO_TK + "; use Screen()")
RawTurtle = _Unsupported("RawTurtle", _NO_TK + "; use Turtle()")
RawPen = _Unsupported("RawPen", _NO_TK + "; use Turtle()")
Shape = _Unsupported("Shape", _NO_TK)
write_docstringdict = _Unsupported("write_docstringdict", _NO_TK)


# ----------------------------------------------------------------------------- the run

def _pylings_flush():
    """Sends the operations not sent yet (`_pylings_boot.flush_drawing()` calls this when the
    program sleeps and when it ends)."""
    _recording.flush()


def _pylings_summary():
    """What exercise checks get (see `pylings_check.Drawing`): the operations and the
    turtles' final states."""
    screen = Turtle._screen
    return {
        "ops": _recording.ops or [],
        "turtles": [turtle._summary() for turtle in screen._turtles] if screen else [],
        "default": Turtle._pen._summary() if Turtle._pen else None,
        "background": (_to_hex(screen._bg) or "") if screen else "#ffffff",
    }


_pylings_boot.drawing = sys.modules[__name__]
