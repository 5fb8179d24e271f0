//! Turtle graphics on the page: the drawing operations the engine's `turtle` module sends while
//! the program runs ([`Op`]), the scene they build up ([`Scene`]), and its pictures: painted on
//! a canvas ([`paint`]) and written as SVG ([`svg`]).
//!
//! The format is documented at the top of `crates/engine/python/_pylings_turtle.py`. The text
//! comes from the worker, where learner code can send anything: it is parsed leniently and text
//! is only ever drawn or escaped, never put in the page as HTML.
//!
//! Coordinates are the turtle's: origin in the middle, y up, in logical units (the drawing area
//! is 400×400 unless `Screen().setup` says otherwise). Headings are degrees, 0 east,
//! anticlockwise, as in turtle's "standard" mode.

pub mod paint;
pub mod scene;
pub mod shapes;
pub mod svg;

use serde::Deserialize;

pub use scene::Scene;

/// A point in turtle coordinates.
pub type Point = [f64; 2];

/// One drawing operation, as the engine's `turtle` module sends it (`{"op": "line", …}`).
/// `t` names the turtle (an id), colours are `#rrggbb`, widths and sizes logical units.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Op {
    /// A pen-down move from `a` to `b`.
    Line {
        #[serde(default)]
        t: u32,
        a: Point,
        b: Point,
        #[serde(default = "black")]
        c: String,
        #[serde(default = "one")]
        w: f64,
    },
    /// `begin_fill()`: the fill that follows is drawn beneath what turtle `t` draws from here.
    BeginFill {
        #[serde(default)]
        t: u32,
    },
    /// `end_fill()`: the polygon `p` filled with `c`, even-odd as Tk fills.
    Fill {
        #[serde(default)]
        t: u32,
        p: Vec<Point>,
        #[serde(default = "black")]
        c: String,
    },
    /// `dot(size, color)`: a disc of diameter `d` at `xy`.
    Dot {
        #[serde(default)]
        t: u32,
        xy: Point,
        #[serde(default = "one")]
        d: f64,
        #[serde(default = "black")]
        c: String,
    },
    /// `stamp()`: the turtle's shape left at `xy`, facing `h`; `id` is what `stamp()` returned.
    Stamp {
        #[serde(default)]
        t: u32,
        #[serde(default)]
        id: u32,
        xy: Point,
        #[serde(default)]
        h: f64,
        #[serde(default = "classic")]
        shape: String,
        #[serde(default = "black")]
        c: String,
        #[serde(default = "black")]
        f: String,
    },
    /// `clearstamp(id)`.
    Clearstamp { id: u32 },
    /// `write(s, align=…, font=(family, size, style))` at `xy`.
    Text {
        #[serde(default)]
        t: u32,
        xy: Point,
        s: String,
        #[serde(default = "left")]
        align: String,
        #[serde(default = "font")]
        font: (String, f64, String),
        #[serde(default = "black")]
        c: String,
    },
    /// `clear()`: turtle `t`'s drawings are removed.
    Clear {
        #[serde(default)]
        t: u32,
    },
    /// `clearscreen()`: every drawing and turtle is removed, the background is white again and
    /// the tracer back on.
    Reset,
    /// `bgcolor(c)`.
    Bg { c: String },
    /// `setup(width, height)`: the drawing area's size.
    Setup { w: f64, h: f64 },
    /// `title(s)`.
    Title { s: String },
    /// Turtle `t`'s state changed: where it is, where it faces, how it looks.
    Turtle {
        #[serde(default)]
        t: u32,
        xy: Point,
        #[serde(default)]
        h: f64,
        #[serde(default = "classic")]
        shape: String,
        #[serde(default = "yes")]
        visible: bool,
        #[serde(default = "black")]
        c: String,
        #[serde(default = "black")]
        f: String,
    },
    /// `speed(v)`: 0 draws at once, 1 (slowest) to 10 (fast) animate.
    Speed {
        #[serde(default)]
        t: u32,
        v: u32,
    },
    /// `tracer(n)`: 0 draws at once until `tracer` turns it back on.
    Tracer { n: u32 },
    /// An operation this page does not know (sent by a newer engine): ignored.
    #[serde(other)]
    Unknown,
}

fn black() -> String {
    "#000000".to_owned()
}
fn one() -> f64 {
    1.0
}
fn yes() -> bool {
    true
}
fn classic() -> String {
    "classic".to_owned()
}
fn left() -> String {
    "left".to_owned()
}
fn font() -> (String, f64, String) {
    ("Arial".to_owned(), 8.0, "normal".to_owned())
}

/// The operations in `json`, a JSON array; an operation that cannot be read is left out, so one
/// bad operation never loses the rest of a drawing.
pub fn parse(json: &str) -> Vec<Op> {
    let values: Vec<serde_json::Value> = serde_json::from_str(json).unwrap_or_default();
    values
        .into_iter()
        .filter_map(|value| serde_json::from_value(value).ok())
        .collect()
}

#[cfg(test)]
mod tests;
