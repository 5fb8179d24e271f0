//! Painting a scene on a 2D canvas: the page's drawing area and "Download PNG".

use web_sys::CanvasRenderingContext2d;

use super::scene::{Item, Scene};
use super::{shapes, Point};

/// Paints `scene` on `ctx`, whose canvas is `scale` device pixels per logical unit, clearing
/// it first; `turtles` paints the visible turtles on top. The page's own background shows
/// through where the program set none, unless `opaque` (for a PNG file) paints it white.
pub fn paint(
    ctx: &CanvasRenderingContext2d,
    scene: &Scene,
    scale: f64,
    turtles: bool,
    opaque: bool,
) {
    let (width, height) = scene.size;
    let _ = ctx.set_transform(scale, 0.0, 0.0, scale, 0.0, 0.0);
    ctx.clear_rect(0.0, 0.0, width, height);
    let background = scene.background.as_deref().or(opaque.then_some("#ffffff"));
    if let Some(background) = background {
        ctx.set_fill_style_str(background);
        ctx.fill_rect(0.0, 0.0, width, height);
    }
    // Turtle coordinates: origin in the middle, y up.
    let _ = ctx.translate(width / 2.0, height / 2.0);
    let _ = ctx.scale(1.0, -1.0);
    ctx.set_line_cap("round");
    ctx.set_line_join("round");
    let mut items = scene.items().peekable();
    while let Some(item) = items.next() {
        if let Item::Line { a, b, color, width } = item {
            // A run of lines in one colour and width is one path: far fewer strokes.
            ctx.begin_path();
            ctx.move_to(a[0], a[1]);
            ctx.line_to(b[0], b[1]);
            let mut end = *b;
            while let Some(Item::Line {
                a,
                b,
                color: c,
                width: w,
            }) = items.peek()
            {
                if c != color || w != width {
                    break;
                }
                if *a != end {
                    ctx.move_to(a[0], a[1]);
                }
                ctx.line_to(b[0], b[1]);
                end = *b;
                items.next();
            }
            ctx.set_stroke_style_str(color);
            ctx.set_line_width(*width);
            ctx.stroke();
        } else {
            paint_item(ctx, item);
        }
    }
    if turtles {
        for turtle in scene.visible_turtles() {
            if let Some(points) = shapes::placed(&turtle.shape, turtle.at, turtle.heading) {
                polygon(ctx, &points, &turtle.fill, Some(&turtle.pen));
            }
        }
    }
}

fn paint_item(ctx: &CanvasRenderingContext2d, item: &Item) {
    match item {
        Item::Line { .. } => {}
        Item::Fill { points, color } => polygon(ctx, points, color, None),
        Item::Dot { at, size, color } => {
            ctx.begin_path();
            let _ = ctx.arc(at[0], at[1], size / 2.0, 0.0, std::f64::consts::TAU);
            ctx.set_fill_style_str(color);
            ctx.fill();
        }
        Item::Stamp {
            at,
            heading,
            shape,
            pen,
            fill,
        } => {
            if let Some(points) = shapes::placed(shape, *at, *heading) {
                polygon(ctx, &points, fill, Some(pen));
            }
        }
        Item::Text {
            at,
            text,
            align,
            font,
            color,
        } => {
            let (family, size, style) = font;
            let style = style.replace("normal", "");
            ctx.save();
            // Text is written upright: undo the y flip around its anchor.
            let _ = ctx.translate(at[0], at[1]);
            let _ = ctx.scale(1.0, -1.0);
            ctx.set_font(&format!("{style} {size}pt {family}, sans-serif"));
            ctx.set_text_align(match align.as_str() {
                "center" => "center",
                "right" => "right",
                _ => "left",
            });
            ctx.set_text_baseline("bottom");
            ctx.set_fill_style_str(color);
            let _ = ctx.fill_text(text, 0.0, 0.0);
            ctx.restore();
        }
    }
}

fn polygon(ctx: &CanvasRenderingContext2d, points: &[Point], fill: &str, outline: Option<&str>) {
    let Some((first, rest)) = points.split_first() else {
        return;
    };
    ctx.begin_path();
    ctx.move_to(first[0], first[1]);
    for point in rest {
        ctx.line_to(point[0], point[1]);
    }
    ctx.close_path();
    ctx.set_fill_style_str(fill);
    // Tk fills polygons even-odd: a five-pointed star keeps its middle empty.
    ctx.fill_with_canvas_winding_rule(web_sys::CanvasWindingRule::Evenodd);
    if let Some(outline) = outline {
        ctx.set_line_width(1.0);
        ctx.set_stroke_style_str(outline);
        ctx.stroke();
    }
}
