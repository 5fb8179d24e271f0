//! The drawing model, natively: operations read leniently, scenes built in painting order,
//! animation frames, shapes placed as CPython places them, SVG written.

use super::scene::Item;
use super::*;

fn line(t: u32, a: Point, b: Point) -> Op {
    Op::Line {
        t,
        a,
        b,
        c: "#000000".into(),
        w: 1.0,
    }
}

#[test]
fn operations_are_read_and_a_bad_one_loses_nothing_else() {
    let ops = parse(
        r##"[{"op":"line","t":1,"a":[0,0],"b":[100,0],"c":"#ff0000","w":3},
             {"op":"line","a":"nonsense"},
             {"op":"sparkle","t":1},
             {"op":"setup","w":300,"h":200}]"##,
    );
    assert_eq!(
        ops,
        [
            Op::Line {
                t: 1,
                a: [0.0, 0.0],
                b: [100.0, 0.0],
                c: "#ff0000".into(),
                w: 3.0
            },
            Op::Unknown,
            Op::Setup { w: 300.0, h: 200.0 },
        ]
    );
    assert!(parse("not json").is_empty());
}

#[test]
fn a_fill_goes_beneath_the_lines_drawn_since_begin_fill() {
    let square = [
        line(1, [-50.0, 0.0], [-40.0, 0.0]),
        Op::BeginFill { t: 1 },
        line(1, [0.0, 0.0], [10.0, 0.0]),
        line(1, [10.0, 0.0], [10.0, 10.0]),
        Op::Fill {
            t: 1,
            p: vec![[0.0, 0.0], [10.0, 0.0], [10.0, 10.0]],
            c: "#ffff00".into(),
        },
    ];
    let scene = Scene::build(&square, None);
    let kinds: Vec<&str> = scene
        .items()
        .map(|item| match item {
            Item::Line { .. } => "line",
            Item::Fill { .. } => "fill",
            _ => "other",
        })
        .collect();
    assert_eq!(kinds, ["line", "fill", "line", "line"]);
}

#[test]
fn clear_reset_and_clearstamp_remove_what_they_name() {
    let stamp = |id| Op::Stamp {
        t: 2,
        id,
        xy: [0.0, 0.0],
        h: 0.0,
        shape: "turtle".into(),
        c: "#000000".into(),
        f: "#000000".into(),
    };
    let ops = [
        line(1, [0.0, 0.0], [1.0, 0.0]),
        line(2, [0.0, 0.0], [0.0, 1.0]),
        stamp(7),
        stamp(8),
        Op::Clearstamp { id: 7 },
        Op::Clear { t: 1 },
    ];
    assert_eq!(Scene::build(&ops, None).items().count(), 2);
    let mut with_reset = ops.to_vec();
    with_reset.push(Op::Reset);
    assert_eq!(Scene::build(&with_reset, None).items().count(), 0);
}

#[test]
fn an_animation_frame_draws_part_of_the_next_line_and_moves_its_turtle() {
    let turtle = Op::Turtle {
        t: 1,
        xy: [0.0, 0.0],
        h: 0.0,
        shape: "classic".into(),
        visible: true,
        c: "#000000".into(),
        f: "#000000".into(),
    };
    let forward = line(1, [0.0, 0.0], [100.0, 0.0]);
    let scene = Scene::build(std::slice::from_ref(&turtle), Some((&forward, 0.25)));
    let drawn: Vec<&Item> = scene.items().collect();
    assert!(
        matches!(drawn[..], [Item::Line { b: [25.0, 0.0], .. }]),
        "{drawn:?}"
    );
    assert_eq!(scene.turtles[&1].at, [25.0, 0.0]);
}

#[test]
fn shapes_point_where_the_turtle_heads() {
    // The arrow's tip is (0, 10) in shape space: 10 units ahead of the turtle.
    let tip = |heading: f64| shapes::placed("arrow", [5.0, 5.0], heading).expect("arrow")[2];
    let close = |a: Point, b: Point| (a[0] - b[0]).abs() < 1e-9 && (a[1] - b[1]).abs() < 1e-9;
    assert!(close(tip(0.0), [15.0, 5.0]));
    assert!(close(tip(90.0), [5.0, 15.0]));
    assert!(close(tip(180.0), [-5.0, 5.0]));
    assert!(shapes::placed("blank", [0.0, 0.0], 0.0).is_none());
}

#[test]
fn svg_flips_y_and_escapes_text() {
    let ops = [
        Op::Bg {
            c: "#000080".into(),
        },
        line(1, [0.0, 0.0], [10.0, 20.0]),
        Op::Text {
            t: 1,
            xy: [0.0, 0.0],
            s: "a < b & \"c\"".into(),
            align: "center".into(),
            font: ("Arial".into(), 12.0, "bold".into()),
            c: "#ff0000".into(),
        },
    ];
    let svg = svg::document(&Scene::build(&ops, None));
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"400\" height=\"400\" viewBox=\"-200 -200 400 400\">"), "{svg}");
    assert!(svg.contains("fill=\"#000080\""), "{svg}");
    assert!(svg.contains("x2=\"10\" y2=\"-20\""), "{svg}");
    assert!(
        svg.contains(">a &lt; b &amp; &quot;c&quot;</text>"),
        "{svg}"
    );
    assert!(svg.contains("text-anchor=\"middle\"") && svg.contains("font-weight=\"bold\""));
}
