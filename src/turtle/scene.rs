//! What the drawing area shows after some of a program's operations: the items drawn, in
//! painting order, and each turtle as it stands.

use std::collections::BTreeMap;

use super::{Op, Point};

/// The drawing area's size when the program does not call `setup`, in logical units.
pub const DEFAULT_SIZE: (f64, f64) = (400.0, 400.0);

/// Something drawn, in painting order.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    Line {
        a: Point,
        b: Point,
        color: String,
        width: f64,
    },
    Fill {
        points: Vec<Point>,
        color: String,
    },
    Dot {
        at: Point,
        size: f64,
        color: String,
    },
    Stamp {
        at: Point,
        heading: f64,
        shape: String,
        pen: String,
        fill: String,
    },
    Text {
        at: Point,
        text: String,
        align: String,
        font: (String, f64, String),
        color: String,
    },
}

/// An item with the turtle that drew it and, for a stamp, its id.
#[derive(Clone, Debug, PartialEq)]
struct Drawn {
    turtle: u32,
    stamp: Option<u32>,
    item: Item,
}

/// A turtle as it stands.
#[derive(Clone, Debug, PartialEq)]
pub struct TurtleView {
    pub at: Point,
    pub heading: f64,
    pub shape: String,
    pub visible: bool,
    pub pen: String,
    pub fill: String,
}

/// The picture after some operations.
#[derive(Clone, Debug, PartialEq)]
pub struct Scene {
    /// Width and height of the drawing area, logical units.
    pub size: (f64, f64),
    /// `#rrggbb`, or `None` for the page's own background.
    pub background: Option<String>,
    pub title: Option<String>,
    drawn: Vec<Drawn>,
    /// Where each turtle's pending fill goes in `drawn` (set by `begin_fill`).
    fill_starts: BTreeMap<u32, usize>,
    /// Turtles by id.
    pub turtles: BTreeMap<u32, TurtleView>,
}

impl Default for Scene {
    fn default() -> Self {
        Self {
            size: DEFAULT_SIZE,
            background: None,
            title: None,
            drawn: Vec::new(),
            fill_starts: BTreeMap::new(),
            turtles: BTreeMap::new(),
        }
    }
}

impl Scene {
    /// The scene after `ops`, with the line after them drawn `fraction` of its way (0 to 1):
    /// the frame an animation shows while that line is being drawn.
    pub fn build(ops: &[Op], partial: Option<(&Op, f64)>) -> Self {
        let mut scene = Scene::default();
        for op in ops {
            scene.apply(op);
        }
        if let Some((Op::Line { t, a, b, c, w }, fraction)) = partial {
            let end = [
                a[0] + (b[0] - a[0]) * fraction,
                a[1] + (b[1] - a[1]) * fraction,
            ];
            let line = Op::Line {
                t: *t,
                a: *a,
                b: end,
                c: c.clone(),
                w: *w,
            };
            scene.apply(&line);
            if let Some(turtle) = scene.turtles.get_mut(t) {
                turtle.at = end;
            }
        }
        scene
    }

    /// The items to paint, bottom first.
    pub fn items(&self) -> impl Iterator<Item = &Item> {
        self.drawn.iter().map(|drawn| &drawn.item)
    }

    /// The visible turtles, to paint on top.
    pub fn visible_turtles(&self) -> impl Iterator<Item = &TurtleView> {
        self.turtles.values().filter(|turtle| turtle.visible)
    }

    fn push(&mut self, turtle: u32, stamp: Option<u32>, item: Item) {
        self.drawn.push(Drawn {
            turtle,
            stamp,
            item,
        });
    }

    fn apply(&mut self, op: &Op) {
        match op {
            Op::Line { t, a, b, c, w } => {
                let item = Item::Line {
                    a: *a,
                    b: *b,
                    color: c.clone(),
                    width: *w,
                };
                self.push(*t, None, item);
                if let Some(turtle) = self.turtles.get_mut(t) {
                    turtle.at = *b;
                }
            }
            Op::BeginFill { t } => {
                self.fill_starts.insert(*t, self.drawn.len());
            }
            Op::Fill { t, p, c } => {
                let at = self.fill_starts.remove(t).unwrap_or(self.drawn.len());
                let fill = Drawn {
                    turtle: *t,
                    stamp: None,
                    item: Item::Fill {
                        points: p.clone(),
                        color: c.clone(),
                    },
                };
                self.drawn.insert(at.min(self.drawn.len()), fill);
                // Fills begun by other turtles after this point move up by one.
                for start in self.fill_starts.values_mut() {
                    if *start >= at {
                        *start += 1;
                    }
                }
            }
            Op::Dot { t, xy, d, c } => {
                let item = Item::Dot {
                    at: *xy,
                    size: *d,
                    color: c.clone(),
                };
                self.push(*t, None, item);
            }
            Op::Stamp {
                t,
                id,
                xy,
                h,
                shape,
                c,
                f,
            } => {
                let item = Item::Stamp {
                    at: *xy,
                    heading: *h,
                    shape: shape.clone(),
                    pen: c.clone(),
                    fill: f.clone(),
                };
                self.push(*t, Some(*id), item);
            }
            Op::Clearstamp { id } => self.drawn.retain(|d| d.stamp != Some(*id)),
            Op::Text {
                t,
                xy,
                s,
                align,
                font,
                c,
            } => {
                let item = Item::Text {
                    at: *xy,
                    text: s.clone(),
                    align: align.clone(),
                    font: font.clone(),
                    color: c.clone(),
                };
                self.push(*t, None, item);
            }
            Op::Clear { t } => {
                self.drawn.retain(|d| d.turtle != *t);
                self.fill_starts.remove(t);
            }
            Op::Reset => {
                self.drawn.clear();
                self.fill_starts.clear();
                self.turtles.clear();
                self.background = None;
            }
            Op::Bg { c } => self.background = Some(c.clone()),
            Op::Setup { w, h } => self.size = (w.max(1.0), h.max(1.0)),
            Op::Title { s } => self.title = Some(s.clone()),
            Op::Turtle {
                t,
                xy,
                h,
                shape,
                visible,
                c,
                f,
            } => {
                let view = TurtleView {
                    at: *xy,
                    heading: *h,
                    shape: shape.clone(),
                    visible: *visible,
                    pen: c.clone(),
                    fill: f.clone(),
                };
                self.turtles.insert(*t, view);
            }
            Op::Speed { .. } | Op::Tracer { .. } | Op::Unknown => {}
        }
    }
}
