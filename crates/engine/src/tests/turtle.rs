//! Turtle graphics: what programs draw, as the host receives it, and what checks see of it.

use std::sync::{Arc, Mutex};

use serde_json::{json, Value};

use super::{on_engine, run_all};
use crate::{CheckOutcome, Engine, Host, NativeHost, RunOutcome, Stream};

/// Runs each program on one engine.
fn runs(programs: &[&str]) -> Vec<RunOutcome> {
    let programs: Vec<(&str, &str)> = programs.iter().map(|source| (*source, "")).collect();
    run_all(&programs)
}

/// Runs one program, which must finish without an error.
fn run_ok(source: &str) -> RunOutcome {
    let outcome = runs(&[source]).remove(0);
    assert_eq!(outcome.error, None, "{source}");
    outcome
}

/// Every operation of the outcome's batches, in order; each batch is a JSON array of at most 200.
fn ops(outcome: &RunOutcome) -> Vec<Value> {
    outcome
        .drawing
        .iter()
        .flat_map(|batch| {
            let ops: Vec<Value> = serde_json::from_str(batch).expect("a batch is a JSON array");
            assert!(
                !ops.is_empty() && ops.len() <= 200,
                "{} ops in a batch",
                ops.len()
            );
            ops
        })
        .collect()
}

/// The operations of one kind (`"line"`, `"fill"`...).
fn of_kind(ops: &[Value], kind: &str) -> Vec<Value> {
    ops.iter().filter(|op| op["op"] == kind).cloned().collect()
}

/// One field of each operation of a kind.
fn fields(ops: &[Value], kind: &str, field: &str) -> Vec<Value> {
    of_kind(ops, kind)
        .iter()
        .map(|op| op[field].clone())
        .collect()
}

#[test]
fn a_square_is_four_lines_ending_where_it_began() {
    let outcome = run_ok(
        "import turtle\nt = turtle.Turtle()\nfor _ in range(4):\n    t.forward(100)\n    \
         t.left(90)\nprint(t.position(), t.heading())",
    );
    // As CPython prints it: the arithmetic leaves x at -1.8e-14.
    assert_eq!(outcome.stdout, "(-0.00,0.00) 0.0\n");
    let ops = ops(&outcome);
    assert_eq!(
        ops[0],
        json!({"op": "turtle", "t": 1, "xy": [0.0, 0.0], "h": 0.0, "shape": "classic",
               "visible": true, "c": "#000000", "f": "#000000"})
    );
    assert_eq!(
        fields(&ops, "line", "b"),
        [
            json!([100.0, 0.0]),
            json!([100.0, 100.0]),
            json!([0.0, 100.0]),
            json!([0.0, 0.0])
        ]
    );
    assert_eq!(
        of_kind(&ops, "line")[0],
        json!({"op": "line", "t": 1, "a": [0.0, 0.0], "b": [100.0, 0.0], "c": "#000000",
               "w": 1.0})
    );
    assert_eq!(fields(&ops, "turtle", "h"), [0.0, 90.0, 180.0, 270.0, 0.0]);
}

#[test]
fn circles_end_where_cpythons_do() {
    // Expected values from CPython 3.14's algorithm (Vec2D arithmetic, `circle()`'s steps).
    let outcomes = runs(&[
        "import turtle\nturtle.circle(50)\nprint(tuple(turtle.pos()), turtle.heading())",
        "import turtle\nturtle.circle(50, 90)\nprint(tuple(turtle.pos()), turtle.heading())",
        "import turtle\nturtle.circle(-30, 180)\nprint(tuple(turtle.pos()), turtle.heading())",
        "import turtle\nturtle.circle(100, steps=6)\nprint(turtle.pos(), turtle.heading())",
    ]);
    let printed: Vec<&str> = outcomes.iter().map(|o| o.stdout.as_str()).collect();
    assert_eq!(
        printed,
        [
            "(-3.375077994860476e-14, 6.084022174945858e-14) 0.0\n",
            "(50.000000000000014, 50.0) 90.0\n",
            "(-5.329070518200751e-15, -60.00000000000001) 180.0\n",
            "(-0.00,0.00) 0.0\n",
        ]
    );
    let circle = of_kind(&ops(&outcomes[0]), "line");
    assert_eq!(circle.len(), 20, "1 + int(11 + 50 / 6) sides");
    assert_eq!(circle[0]["b"], json!([15.45, 2.45]));
    assert_eq!(
        circle[9]["b"],
        json!([0.0, 100.0]),
        "the top after half the sides"
    );
    assert_eq!(of_kind(&ops(&outcomes[1]), "line").len(), 5);
    let hexagon = of_kind(&ops(&outcomes[3]), "line");
    assert_eq!(hexagon.len(), 6);
    assert_eq!(hexagon[0]["b"], json!([86.6, 50.0]));
}

#[test]
fn a_filled_star_is_one_fill_of_its_corners() {
    let outcome = run_ok(
        "from turtle import *\ncolor('red', 'yellow')\nbegin_fill()\nfor _ in range(5):\n    \
         forward(100)\n    right(144)\nend_fill()\nprint(filling(), color())",
    );
    assert_eq!(outcome.stdout, "False ('red', 'yellow')\n");
    let ops = ops(&outcome);
    let fills = of_kind(&ops, "fill");
    assert_eq!(
        fills,
        [json!({"op": "fill", "t": 1, "c": "#ffff00",
                "p": [[0.0, 0.0], [100.0, 0.0], [19.1, -58.78], [50.0, 36.33], [80.9, -58.78],
                      [0.0, 0.0]]})]
    );
    // The page puts the fill where begin_fill() was, under the star's lines, as Tk does.
    let kinds: Vec<&Value> = ops.iter().map(|op| &op["op"]).collect();
    let begin = kinds.iter().position(|kind| *kind == "begin_fill").unwrap();
    let first_line = kinds.iter().position(|kind| *kind == "line").unwrap();
    assert!(begin < first_line, "{kinds:?}");
    assert!(of_kind(&ops, "line")
        .iter()
        .all(|line| line["c"] == "#ff0000"));
}

#[test]
fn colours_are_resolved_and_follow_the_colour_mode() {
    let outcome = run_ok(
        "import turtle\nt = turtle.Turtle()\nt.pencolor((1, 0.5, 0))\nt.forward(1)\n\
         print(t.pencolor())\nturtle.colormode(255)\nt.pencolor(0, 128, 255)\nt.forward(1)\n\
         print(t.pencolor(), turtle.colormode())\nt.color('green', 'Light Blue')\nt.forward(1)\n\
         print(t.color())\nturtle.bgcolor('#123')\nprint(turtle.bgcolor())\n\
         try:\n    t.pencolor('redd')\nexcept turtle.TurtleGraphicsError as error:\n    \
         print(error)",
    );
    assert_eq!(
        outcome.stdout,
        "(1.0, 0.5019607843137255, 0.0)\n(0.0, 128.0, 255.0) 255\n('green', 'Light Blue')\n\
         (16.0, 32.0, 48.0)\nbad color string: redd\n"
    );
    let ops = ops(&outcome);
    // Tk 8.6's "green" is the web's, as in CPython on every platform.
    assert_eq!(fields(&ops, "line", "c"), ["#ff8000", "#0080ff", "#008000"]);
    assert_eq!(of_kind(&ops, "turtle").last().unwrap()["f"], "#add8e6");
    assert_eq!(of_kind(&ops, "bg"), [json!({"op": "bg", "c": "#102030"})]);
}

#[test]
fn dots_stamps_and_text_are_recorded() {
    let outcome = run_ok(
        "import turtle\nt = turtle.Turtle()\nt.penup()\nt.goto(-50, 20)\nt.dot(10, 'blue')\n\
         t.dot()\nfirst = t.stamp()\nt.shape('turtle')\nt.stamp()\nt.clearstamp(first)\n\
         t.write('Hi \"you\"', align='center', font=('Courier', 12, 'bold'))\n\
         t.write(42, move=True)\nprint(t.xcor() > -50, t.ycor())",
    );
    assert_eq!(
        outcome.stdout, "True 20\n",
        "write(move=True) moves along the text"
    );
    let ops = ops(&outcome);
    assert_eq!(
        of_kind(&ops, "dot"),
        [
            json!({"op": "dot", "t": 1, "xy": [-50.0, 20.0], "d": 10.0, "c": "#0000ff"}),
            json!({"op": "dot", "t": 1, "xy": [-50.0, 20.0], "d": 5.0, "c": "#000000"}),
        ]
    );
    let stamps = of_kind(&ops, "stamp");
    assert_eq!(
        stamps[1],
        json!({"op": "stamp", "t": 1, "id": 2, "xy": [-50.0, 20.0], "h": 0.0,
               "shape": "turtle", "c": "#000000", "f": "#000000"})
    );
    assert_eq!(
        of_kind(&ops, "clearstamp"),
        [json!({"op": "clearstamp", "id": 1})]
    );
    assert_eq!(
        of_kind(&ops, "text")[0],
        json!({"op": "text", "t": 1, "xy": [-50.0, 20.0], "s": "Hi \"you\"", "align": "center",
               "font": ["Courier", 12.0, "bold"], "c": "#000000"})
    );
    assert_eq!(
        of_kind(&ops, "text")[1]["font"],
        json!(["Arial", 8.0, "normal"])
    );
}

#[test]
fn module_functions_and_the_screen_share_one_default_turtle() {
    let outcome = run_ok(
        "from turtle import *\nscreen = Screen()\nscreen.setup(500, 300)\ntitle('Hello')\n\
         print(Screen() is screen, screen.window_width(), screensize())\nforward(50)\nleft(90)\n\
         speed('fastest')\nforward(50)\nhideturtle()\ntracer(0)\nupdate()\ndone()\n\
         print(position(), heading(), speed(), isvisible(), len(turtles()), getturtle() is \
         turtles()[0])",
    );
    assert_eq!(
        outcome.stdout,
        "True 500 (500, 300)\n(50.00,50.00) 90.0 0 False 1 True\n"
    );
    let ops = ops(&outcome);
    assert_eq!(ops[0], json!({"op": "setup", "w": 500, "h": 300}));
    assert_eq!(ops[1], json!({"op": "title", "s": "Hello"}));
    assert_eq!(
        of_kind(&ops, "speed"),
        [json!({"op": "speed", "t": 1, "v": 0})]
    );
    assert_eq!(
        of_kind(&ops, "tracer"),
        [json!({"op": "tracer", "n": 0, "d": 10})]
    );
    assert_eq!(of_kind(&ops, "update").len(), 1);
    assert_eq!(of_kind(&ops, "turtle").last().unwrap()["visible"], false);
}

#[test]
fn unsupported_functions_say_why() {
    let outcomes = runs(&[
        "import turtle\nturtle.onclick(print)",
        "from turtle import *\nScreen().onkey(print, 'Up')",
        "import turtle\nturtle.textinput('Name', 'Your name?')",
        "import turtle\nturtle.Turtle().shapesize(2)",
    ]);
    let messages: Vec<String> = outcomes
        .iter()
        .map(|outcome| {
            let error = outcome.error.as_ref().expect("NotImplementedError");
            assert_eq!(error.kind, "NotImplementedError", "{}", error.traceback);
            error.message.clone()
        })
        .collect();
    assert_eq!(
        messages[0],
        "turtle's onclick() is not available in Pylings: your program runs to its end in a \
         background worker while the page draws, so it cannot wait for clicks, keys or timers. \
         print(turtle.__doc__) lists what is supported."
    );
    assert!(messages[1].starts_with("turtle's onkey() is not available"));
    assert!(
        messages[2].contains("Use input() instead"),
        "{}",
        messages[2]
    );
    assert!(messages[3].contains("without Tk"), "{}", messages[3]);
}

#[test]
fn each_run_draws_afresh_and_plain_programs_draw_nothing() {
    let square = "import turtle\nturtle.forward(10)\nprint(turtle.turtles())";
    let outcomes = runs(&[square, "print(1)", square]);
    assert_eq!(outcomes[1].drawing, Vec::<String>::new());
    assert_eq!(
        outcomes[0].drawing, outcomes[2].drawing,
        "a new screen and turtle 1 again"
    );
    assert_eq!(outcomes[2].stdout.matches("Turtle object").count(), 1);
}

/// A [`NativeHost`] that keeps the drawing batches it is given.
struct DrawingHost {
    inner: NativeHost,
    batches: Arc<Mutex<Vec<String>>>,
}

impl Host for DrawingHost {
    fn wall_clock(&self) -> f64 {
        self.inner.wall_clock()
    }
    fn monotonic(&self) -> f64 {
        self.inner.monotonic()
    }
    fn sleep(&self, seconds: f64) {
        self.inner.sleep(seconds)
    }
    fn write(&self, stream: Stream, text: &str) {
        self.inner.write(stream, text)
    }
    fn fetch_stdlib(&self, file: &str) -> Result<String, String> {
        self.inner.fetch_stdlib(file)
    }
    fn drawing(&self, ops_json: &str) {
        self.batches.lock().unwrap().push(ops_json.to_owned());
    }
}

#[test]
fn the_host_gets_each_batch_as_the_program_draws() {
    let batches = Arc::new(Mutex::new(Vec::new()));
    let host_batches = batches.clone();
    let outcome = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            let host = DrawingHost {
                inner: NativeHost::default(),
                batches: host_batches.clone(),
            };
            let mut engine = Engine::new(Box::new(host));
            // Three batches: 200 operations, then a sleep sends the rest so far, then the end.
            let outcome = engine.run(
                "import time, turtle\nfor _ in range(150):\n    turtle.forward(1)\n    \
                 turtle.left(1)\ntime.sleep(0)\nturtle.forward(1)",
            );
            assert_eq!(host_batches.lock().unwrap().len(), 3);
            outcome
        })
        .expect("spawn engine thread")
        .join()
        .expect("engine thread");
    assert_eq!(outcome.error, None);
    assert_eq!(*batches.lock().unwrap(), outcome.drawing);
    let sizes: Vec<usize> = outcome
        .drawing
        .iter()
        .map(|batch| serde_json::from_str::<Vec<Value>>(batch).unwrap().len())
        .collect();
    assert_eq!(sizes, [200, 101, 1]);
}

#[test]
fn the_drawing_is_sent_when_the_program_fails() {
    let outcome = runs(&["import turtle\nturtle.forward(10)\n1 / 0"]).remove(0);
    assert_eq!(outcome.error.as_ref().unwrap().kind, "ZeroDivisionError");
    assert_eq!(of_kind(&ops(&outcome), "line").len(), 1);
}

#[test]
fn a_learners_turtle_py_comes_first() {
    let outcome = run_ok(
        "with open('turtle.py', 'w') as f:\n    f.write('WHO = \"mine\"')\nimport turtle\n\
         print(turtle.WHO)",
    );
    assert_eq!(outcome.stdout, "mine\n");
    assert_eq!(outcome.drawing, Vec::<String>::new());
}

#[test]
fn ten_thousand_segments_are_recorded_quickly() {
    let outcome = run_ok(
        "import time, turtle\nstart = time.perf_counter()\nt = turtle.Turtle()\nt.speed(0)\n\
         for i in range(10000):\n    t.forward(i % 50 + 1)\n    t.left(91)\n\
         print(round(time.perf_counter() - start, 3))",
    );
    let ops = ops(&outcome);
    assert_eq!(of_kind(&ops, "line").len(), 10_000);
    assert_eq!(
        ops.len(),
        1 + 1 + 2 * 10_000,
        "creation, speed, then a line and a turn each"
    );
    let seconds: f64 = outcome.stdout.trim().parse().unwrap();
    eprintln!("10,000 turtle segments: {seconds} s");
    assert!(seconds < 5.0, "{seconds} s");
}

/// Checks `source` against `checks` on a fresh engine.
fn check(source: &str, checks: &[&str]) -> CheckOutcome {
    let source = source.to_owned();
    let checks: Vec<String> = checks.iter().map(|code| code.to_string()).collect();
    on_engine(move |engine| engine.check(&source, "", &checks))
}

#[test]
fn checks_read_the_drawing() {
    let outcome = check(
        "import turtle\nt = turtle.Turtle()\nt.color('red', 'gold')\nt.begin_fill()\n\
         for _ in range(4):\n    t.forward(100)\n    t.left(90)\nt.end_fill()\n\
         t.penup()\nt.goto(0, -30)\nt.write('Square')\nt.dot(5)\n\
         other = turtle.Turtle()\nother.forward(30)\nother.clear()\nturtle.bgcolor('black')",
        &[
            "assert len(drawing.lines) == 4, drawing.lines",
            "assert drawing.lines[0] == ((0.0, 0.0), (100.0, 0.0), '#ff0000', 1.0)",
            "assert drawing.fills == [(((0.0, 0.0), (100.0, 0.0), (100.0, 100.0), \
             (0.0, 100.0), (0.0, 0.0)), '#ffd700')], drawing.fills",
            "assert drawing.texts == [((0.0, -30.0), 'Square', '#ff0000')]",
            "assert drawing.dots == [((0.0, -30.0), 5.0, '#ff0000')]",
            "assert drawing.position == (0.0, -30.0) and drawing.heading == 0.0",
            "assert [t.position for t in drawing.turtles] == [(0.0, -30.0), (30.0, 0.0)]",
            "assert drawing.turtles[0].pencolor == '#ff0000' and not drawing.turtles[0].pendown",
            "assert drawing.background == '#000000'",
            "drew_polygon(4, 100)",
            "drew_polygon(4)",
            "drew_polygon(3)",
            "drew_polygon(4, 50)",
        ],
    );
    let verdicts: Vec<(bool, Option<&str>)> = outcome
        .results
        .iter()
        .map(|result| (result.passed, result.message.as_deref()))
        .collect();
    let mut expected = vec![(true, None); 11];
    expected.push((
        false,
        Some("Your drawing should have a regular shape with 3 sides."),
    ));
    expected.push((
        false,
        Some("Your drawing should have a regular shape with 4 sides of length 50."),
    ));
    assert_eq!(verdicts, expected, "{:?}", outcome.results);
    assert!(!outcome.run.drawing.is_empty());
}

#[test]
fn checks_of_a_program_without_turtle_see_an_empty_drawing() {
    let outcome = check(
        "print('no turtle')",
        &[
            "assert drawing.lines == [] and drawing.turtles == []",
            "assert drawing.position == (0.0, 0.0)",
            "drew_polygon(4)",
        ],
    );
    let passed: Vec<bool> = outcome.results.iter().map(|r| r.passed).collect();
    assert_eq!(passed, [true, true, false]);
    assert_eq!(outcome.run.drawing, Vec::<String>::new());
}
