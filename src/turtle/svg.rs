//! A scene as an SVG document, for "Download SVG": the drawing without the turtles.

use std::fmt::Write;

use super::scene::{Item, Scene};
use super::{shapes, Point};

/// `scene` as a standalone SVG document `width`×`height` logical units, y pointing up as in
/// turtle coordinates (each point is flipped as it is written).
pub fn document(scene: &Scene) -> String {
    let (width, height) = scene.size;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" \
         viewBox=\"{} {} {width} {height}\">\n",
        -width / 2.0,
        -height / 2.0
    );
    if let Some(title) = &scene.title {
        let _ = writeln!(svg, "<title>{}</title>", escape(title));
    }
    let background = scene.background.as_deref().unwrap_or("#ffffff");
    let _ = writeln!(
        svg,
        "<rect x=\"{}\" y=\"{}\" width=\"{width}\" height=\"{height}\" fill=\"{}\"/>",
        -width / 2.0,
        -height / 2.0,
        escape(background)
    );
    for item in scene.items() {
        write_item(&mut svg, item);
    }
    svg.push_str("</svg>\n");
    svg
}

fn write_item(svg: &mut String, item: &Item) {
    match item {
        Item::Line { a, b, color, width } => {
            let _ = writeln!(
                svg,
                "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"{width}\" stroke-linecap=\"round\"/>",
                a[0],
                -a[1],
                b[0],
                -b[1],
                escape(color)
            );
        }
        Item::Fill { points, color } => {
            let _ = writeln!(
                svg,
                "<polygon points=\"{}\" fill=\"{}\" fill-rule=\"evenodd\"/>",
                points_attr(points),
                escape(color)
            );
        }
        Item::Dot { at, size, color } => {
            let _ = writeln!(
                svg,
                "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{}\"/>",
                at[0],
                -at[1],
                size / 2.0,
                escape(color)
            );
        }
        Item::Stamp {
            at,
            heading,
            shape,
            pen,
            fill,
        } => {
            if let Some(points) = shapes::placed(shape, *at, *heading) {
                let _ = writeln!(
                    svg,
                    "<polygon points=\"{}\" fill=\"{}\" stroke=\"{}\"/>",
                    points_attr(&points),
                    escape(fill),
                    escape(pen)
                );
            }
        }
        Item::Text {
            at,
            text,
            align,
            font,
            color,
        } => {
            let anchor = match align.as_str() {
                "center" => "middle",
                "right" => "end",
                _ => "start",
            };
            let (family, size, style) = font;
            let weight = if style.contains("bold") {
                "bold"
            } else {
                "normal"
            };
            let slant = if style.contains("italic") {
                "italic"
            } else {
                "normal"
            };
            let _ = writeln!(
                svg,
                "<text x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\" font-family=\"{}\" font-size=\"{}pt\" \
                 font-weight=\"{weight}\" font-style=\"{slant}\" fill=\"{}\">{}</text>",
                at[0],
                -at[1],
                escape(family),
                size,
                escape(color),
                escape(text)
            );
        }
    }
}

fn points_attr(points: &[Point]) -> String {
    points
        .iter()
        .map(|[x, y]| format!("{x},{}", -y))
        .collect::<Vec<_>>()
        .join(" ")
}

/// `text` safe inside SVG text and attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}
