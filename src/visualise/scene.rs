//! Lays out one step of a recording as boxes and arrows, in CSS pixels: frames in a column,
//! objects beside them (or, on a narrow screen, below them), each name or item that refers to
//! an object joined to it by an arrow.
//!
//! Our own layout rather than a graph-drawing library: the drawing is two columns of boxes
//! and a handful of curves, and the libraries that fit (graphviz in wasm, dagre, ELK) weigh
//! hundreds of KB and place boxes differently at each step, where a learner needs the boxes to
//! stay put while stepping.

use pylings_protocol::trace::{HeapObject, Step, Trace, Value};

/// Height of a box's title and of each of its rows.
pub const ROW: f64 = 24.0;
/// Width of one character of the monospace font the drawing uses (13 px).
pub const CHAR: f64 = 7.9;
/// Space inside a box, left and right of its text.
pub const PAD: f64 = 8.0;
/// Space between columns.
const GAP_X: f64 = 56.0;
/// Space between boxes of one column.
const GAP_Y: f64 = 16.0;
/// Indent per level of nesting on a narrow screen.
const INDENT: f64 = 20.0;
/// Longest label and value drawn in a row, and longest title, in characters.
const MAX_LABEL: usize = 14;
const MAX_VALUE: usize = 22;
const MAX_TITLE: usize = 30;

/// What a row's value cell holds.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// A value drawn inline (clipped).
    Text(String),
    /// An arrow to the object with this number.
    Pointer(u32),
}

/// One line of a box: a name (a variable, an index, a key, an attribute) and its value.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub label: String,
    pub cell: Cell,
    /// True when this value differs from the previous step's (drawn highlighted).
    pub changed: bool,
}

/// What a box stands for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Owner {
    /// The frame at this depth (0 is `<module>`); `active` for the innermost.
    Frame { depth: usize, active: bool },
    /// The object with this number.
    Object(u32),
}

/// A box drawn at `(x, y)` (its top left), `width` wide, [`ROW`] high per title and row.
#[derive(Clone, Debug, PartialEq)]
pub struct Shape {
    pub owner: Owner,
    pub title: String,
    pub rows: Vec<Row>,
    pub x: f64,
    pub y: f64,
    pub width: f64,
}

impl Shape {
    pub fn height(&self) -> f64 {
        ROW * (1 + self.rows.len()) as f64
    }

    /// The y of the middle of row `index`.
    fn row_middle(&self, index: usize) -> f64 {
        self.y + ROW * (index + 1) as f64 + ROW / 2.0
    }
}

/// An arrow from a row's value cell to an object's box, as an SVG path's `d`.
#[derive(Clone, Debug, PartialEq)]
pub struct Arrow {
    pub path: String,
    /// The number of the object pointed at.
    pub target: u32,
}

/// One step drawn: boxes, arrows and the drawing's size.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scene {
    pub shapes: Vec<Shape>,
    pub arrows: Vec<Arrow>,
    pub width: f64,
    pub height: f64,
}

/// Lays out step `index` of `trace`; `narrow` puts the objects below the frames, one a row.
///
/// Panics if `index` is out of range.
pub fn layout(trace: &Trace, index: usize, narrow: bool) -> Scene {
    let step = &trace.steps[index];
    let previous = index.checked_sub(1).map(|i| &trace.steps[i]);
    let mut frames: Vec<Shape> = step
        .frames
        .iter()
        .enumerate()
        .map(|(depth, frame)| {
            let mut rows: Vec<Row> = frame
                .locals
                .iter()
                .map(|(name, value)| {
                    let before = previous
                        .and_then(|p| p.frames.get(depth))
                        .filter(|f| f.name == frame.name)
                        .map(|f| f.locals.iter().find(|(n, _)| n == name).map(|(_, v)| v));
                    let changed = match before {
                        Some(Some(old)) => old != value,
                        Some(None) => true,
                        None => false,
                    };
                    row(name, value, changed)
                })
                .collect();
            if let Some(value) = &frame.ret {
                rows.push(row("Return value", value, true));
            }
            shape(
                Owner::Frame {
                    depth,
                    active: depth + 1 == step.frames.len(),
                },
                if depth == 0 {
                    "Global frame".to_owned()
                } else {
                    frame.name.clone()
                },
                rows,
            )
        })
        .collect();
    let frames_width = frames.iter().map(|s| s.width).fold(0.0, f64::max);
    let mut y = 0.0;
    for frame in &mut frames {
        frame.y = y;
        y += frame.height() + GAP_Y;
    }
    let frames_bottom = (y - GAP_Y).max(0.0);

    // Objects, depth first from the frames' rows, top to bottom: each at the depth it is first
    // reached from (a column each), stacked under the objects placed before it.
    let mut placed: Vec<(Shape, usize)> = Vec::new();
    let roots: Vec<u32> = frames
        .iter()
        .flat_map(|frame| frame.rows.iter().filter_map(pointer))
        .collect();
    let start_y = if narrow {
        frames_bottom + GAP_Y * 2.0
    } else {
        0.0
    };
    let mut cursor = start_y;
    for number in roots {
        cursor = place(
            trace,
            step,
            previous,
            number,
            0,
            cursor,
            narrow,
            &mut placed,
        );
    }
    for (number, _) in &step.heap {
        cursor = place(
            trace,
            step,
            previous,
            *number,
            0,
            cursor,
            narrow,
            &mut placed,
        );
    }
    // Columns: as wide as their widest box.
    let columns = placed.iter().map(|(_, depth)| depth + 1).max().unwrap_or(0);
    let mut column_x = vec![0.0; columns];
    let mut x = if narrow { 0.0 } else { frames_width + GAP_X };
    for (depth, slot) in column_x.iter_mut().enumerate() {
        *slot = if narrow { depth as f64 * INDENT } else { x };
        let widest = placed
            .iter()
            .filter(|(_, d)| *d == depth)
            .map(|(s, _)| s.width)
            .fold(0.0, f64::max);
        x += widest + GAP_X;
    }
    let mut shapes = frames;
    shapes.extend(placed.into_iter().map(|(mut shape, depth)| {
        shape.x = column_x[depth];
        shape
    }));
    let arrows = arrows(&shapes);
    let width = shapes.iter().map(|s| s.x + s.width).fold(0.0, f64::max);
    let height = shapes.iter().map(|s| s.y + s.height()).fold(0.0, f64::max);
    Scene {
        shapes,
        arrows,
        // Room for the arrows that loop round on the right.
        width: width + 36.0,
        height: height + 2.0,
    }
}

/// Places object `number` (if it is not placed yet) at `depth`, at or below `y`, then the
/// objects its rows point at one column further; returns the y below what was placed.
#[allow(clippy::too_many_arguments)]
fn place(
    trace: &Trace,
    step: &Step,
    previous: Option<&Step>,
    number: u32,
    depth: usize,
    y: f64,
    narrow: bool,
    placed: &mut Vec<(Shape, usize)>,
) -> f64 {
    if placed.iter().any(|(s, _)| s.owner == Owner::Object(number)) {
        return y;
    }
    let Some(object) = trace.object(step, number) else {
        return y;
    };
    let changed = previous
        .and_then(|p| trace.object(p, number))
        .is_some_and(|before| before != object);
    let mut shape = object_shape(number, object, changed);
    shape.y = y;
    let bottom = y + shape.height() + GAP_Y;
    let children: Vec<u32> = shape.rows.iter().filter_map(pointer).collect();
    placed.push((shape, depth));
    // Wide: children start level with their parent, in the next column. Narrow: below it.
    let mut child_y = if narrow { bottom } else { y };
    for child in children {
        child_y = place(
            trace,
            step,
            previous,
            child,
            depth + 1,
            child_y,
            narrow,
            placed,
        );
    }
    child_y.max(bottom)
}

fn pointer(row: &Row) -> Option<u32> {
    match row.cell {
        Cell::Pointer(number) => Some(number),
        Cell::Text(_) => None,
    }
}

fn row(label: &str, value: &Value, changed: bool) -> Row {
    Row {
        label: clip(label, MAX_LABEL),
        cell: match value {
            Value::Ref(number) => Cell::Pointer(*number),
            Value::Inline(text) => Cell::Text(clip(text, MAX_VALUE)),
        },
        changed,
    }
}

/// The box of one object: a title saying what it is, a row per item, entry or attribute.
fn object_shape(number: u32, object: &HeapObject, changed: bool) -> Shape {
    let rows_of = |pairs: &[(String, Value)]| -> Vec<Row> {
        pairs
            .iter()
            .map(|(name, value)| row(name, value, false))
            .collect()
    };
    let more = |rows: &mut Vec<Row>, more: usize| {
        if more > 0 {
            rows.push(Row {
                label: "…".to_owned(),
                cell: Cell::Text(format!("{more} more")),
                changed: false,
            });
        }
    };
    let (title, mut rows) = match object {
        HeapObject::Seq {
            type_name,
            items,
            more: left,
        } => {
            let ordered = !matches!(type_name.as_str(), "set" | "frozenset");
            let mut rows: Vec<Row> = items
                .iter()
                .enumerate()
                .map(|(i, value)| {
                    row(
                        &if ordered {
                            i.to_string()
                        } else {
                            String::new()
                        },
                        value,
                        false,
                    )
                })
                .collect();
            more(&mut rows, *left);
            (type_name.clone(), rows)
        }
        HeapObject::Dict {
            type_name,
            entries,
            more: left,
        } => {
            let mut rows = rows_of(entries);
            more(&mut rows, *left);
            (type_name.clone(), rows)
        }
        HeapObject::Instance { type_name, attrs } => {
            (format!("{type_name} instance"), rows_of(attrs))
        }
        HeapObject::Class { name, bases, attrs } => {
            let bases = if bases.is_empty() {
                String::new()
            } else {
                format!("({})", bases.join(", "))
            };
            (format!("class {name}{bases}"), rows_of(attrs))
        }
        HeapObject::Function {
            name,
            params,
            defaults,
            cells,
        } => {
            let mut rows: Vec<Row> = defaults
                .iter()
                .map(|(name, value)| row(&format!("{name}="), value, false))
                .collect();
            rows.extend(rows_of(cells));
            (format!("function {name}({})", params.join(", ")), rows)
        }
        HeapObject::Generator {
            name,
            state,
            line,
            locals,
        } => {
            let at = line
                .map(|line| format!(" at line {line}"))
                .unwrap_or_default();
            (format!("generator {name}: {state}{at}"), rows_of(locals))
        }
        HeapObject::Module { name } => (format!("module {name}"), Vec::new()),
        HeapObject::Other { type_name, repr } => (
            type_name.clone(),
            vec![Row {
                label: String::new(),
                cell: Cell::Text(clip(repr, MAX_VALUE + MAX_LABEL)),
                changed: false,
            }],
        ),
    };
    if changed {
        for row in &mut rows {
            row.changed = true;
        }
    }
    shape(Owner::Object(number), title, rows)
}

/// A box sized to its text.
fn shape(owner: Owner, title: String, rows: Vec<Row>) -> Shape {
    let title = clip(&title, MAX_TITLE);
    let label_chars = rows
        .iter()
        .map(|r| r.label.chars().count())
        .max()
        .unwrap_or(0);
    let value_chars = rows
        .iter()
        .map(|r| match &r.cell {
            Cell::Text(text) => text.chars().count(),
            Cell::Pointer(_) => 2,
        })
        .max()
        .unwrap_or(0);
    let row_width = label_chars as f64 * CHAR + value_chars as f64 * CHAR + PAD * 4.0;
    let title_width = title.chars().count() as f64 * CHAR + PAD * 2.0;
    Shape {
        owner,
        title,
        rows,
        x: 0.0,
        y: 0.0,
        width: row_width.max(title_width).max(72.0).ceil(),
    }
}

/// Where the value cell of a box begins (after its widest label).
pub fn value_x(shape: &Shape) -> f64 {
    let label_chars = shape
        .rows
        .iter()
        .map(|r| r.label.chars().count())
        .max()
        .unwrap_or(0);
    shape.x + PAD * 2.0 + label_chars as f64 * CHAR
}

/// The arrows of every pointer row: from a dot in its value cell to the title of the box it
/// points at, entering from the left when that box is to the right, else looping round from
/// the right (an object pointing back, or the narrow layout's objects below their names).
fn arrows(shapes: &[Shape]) -> Vec<Arrow> {
    let mut arrows = Vec::new();
    for shape in shapes {
        for (index, row) in shape.rows.iter().enumerate() {
            let Cell::Pointer(number) = row.cell else {
                continue;
            };
            let Some(target) = shapes.iter().find(|s| s.owner == Owner::Object(number)) else {
                continue;
            };
            let (sx, sy) = (value_x(shape) + 6.0, shape.row_middle(index));
            let ty = target.y + ROW / 2.0;
            let path = if target.x > sx + 24.0 {
                let tx = target.x;
                let bend = ((tx - sx) / 2.0).max(24.0);
                format!(
                    "M{sx:.1},{sy:.1} C{:.1},{sy:.1} {:.1},{ty:.1} {tx:.1},{ty:.1}",
                    sx + bend,
                    tx - bend
                )
            } else {
                let tx = target.x + target.width;
                let out = shape.x.max(target.x) + shape.width.max(target.width) + 28.0;
                format!("M{sx:.1},{sy:.1} C{out:.1},{sy:.1} {out:.1},{ty:.1} {tx:.1},{ty:.1}")
            };
            arrows.push(Arrow {
                path,
                target: number,
            });
        }
    }
    arrows
}

/// `text` cut to `max` characters, ending in "…" when cut.
fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let mut clipped: String = text.chars().take(max - 1).collect();
        clipped.push('…');
        clipped
    }
}
