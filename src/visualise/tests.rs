//! The visualiser's layout and words, natively, on hand-made recordings.

use pylings_protocol::trace::{Frame, HeapObject, Step, Trace, Value};

use super::describe::{change, state};
use super::scene::{layout, Cell, Owner};

fn inline(text: &str) -> Value {
    Value::Inline(text.to_owned())
}

fn list(items: &[&str]) -> HeapObject {
    HeapObject::Seq {
        type_name: "list".into(),
        items: items.iter().map(|item| inline(item)).collect(),
        more: 0,
    }
}

fn module(locals: Vec<(&str, Value)>) -> Frame {
    Frame {
        name: "<module>".into(),
        line: 1,
        locals: locals.into_iter().map(|(n, v)| (n.to_owned(), v)).collect(),
        ret: None,
    }
}

/// `a = [1, 2]`, `b = a`, `b.append(3)`: three steps.
fn aliasing() -> Trace {
    Trace {
        steps: vec![
            Step {
                event: "line".into(),
                line: 2,
                frames: vec![module(vec![("a", Value::Ref(1))])],
                heap: vec![(1, 0)],
                out: 0,
                exc: None,
            },
            Step {
                event: "line".into(),
                line: 3,
                frames: vec![module(vec![("a", Value::Ref(1)), ("b", Value::Ref(1))])],
                heap: vec![(1, 0)],
                out: 0,
                exc: None,
            },
            Step {
                event: "line".into(),
                line: 4,
                frames: vec![module(vec![("a", Value::Ref(1)), ("b", Value::Ref(1))])],
                heap: vec![(1, 1)],
                out: 10,
                exc: None,
            },
        ],
        objects: vec![list(&["1", "2"]), list(&["1", "2", "3"])],
        output: "[1, 2, 3]\n".into(),
        limit: None,
        clipped: false,
    }
}

#[test]
fn two_names_for_one_list_draw_one_box_and_two_arrows() {
    let scene = layout(&aliasing(), 1, false);
    let boxes: Vec<Owner> = scene.shapes.iter().map(|s| s.owner).collect();
    assert_eq!(
        boxes,
        [
            Owner::Frame {
                depth: 0,
                active: true
            },
            Owner::Object(1)
        ]
    );
    assert_eq!(scene.arrows.len(), 2);
    assert!(scene.arrows.iter().all(|arrow| arrow.target == 1));
    let (frame, object) = (&scene.shapes[0], &scene.shapes[1]);
    assert!(
        object.x >= frame.x + frame.width,
        "objects beside frames when wide"
    );
    assert_eq!(frame.rows[1].cell, Cell::Pointer(1));
    assert!(
        frame.rows[1].changed && !frame.rows[0].changed,
        "b is new at this step"
    );
    assert!(scene.width >= object.x + object.width);
}

#[test]
fn a_narrow_screen_puts_objects_below_frames() {
    let scene = layout(&aliasing(), 1, true);
    let (frame, object) = (&scene.shapes[0], &scene.shapes[1]);
    assert!(object.y >= frame.y + frame.height());
    assert!(scene.width < 390.0, "fits a phone: {}", scene.width);
}

#[test]
fn a_changed_object_is_marked_and_told() {
    let trace = aliasing();
    let scene = layout(&trace, 2, false);
    assert!(scene.shapes[1].rows.iter().all(|row| row.changed));
    assert_eq!(scene.shapes[1].rows.len(), 3);
    let words = change(&trace, 2);
    assert!(
        words.starts_with("Step 3 of 3, next line 4 in <module>."),
        "{words}"
    );
    assert!(words.contains("list #1 changed."), "{words}");
    assert!(words.contains("Printed: [1, 2, 3]."), "{words}");
    assert_eq!(
        change(&trace, 1),
        "Step 2 of 3, next line 3 in <module>. b → list #1."
    );
}

#[test]
fn output_is_counted_in_characters_not_bytes() {
    let mut trace = aliasing();
    trace.output = "é→ok\n".into();
    trace.steps[1].out = 2;
    assert_eq!(super::printed(&trace, 1), "é→");
    assert!(change(&trace, 1).contains("Printed: é→."));
}

#[test]
fn the_state_in_words_shows_sharing() {
    assert_eq!(
        state(&aliasing(), 1),
        "Global frame: a → list #1, b → list #1. list #1: 1, 2."
    );
}

#[test]
fn nested_objects_go_one_column_further_and_back_references_loop_round() {
    // x = [[...]] whose inner list points back at the outer one.
    let trace = Trace {
        steps: vec![Step {
            event: "line".into(),
            line: 1,
            frames: vec![module(vec![("x", Value::Ref(1))])],
            heap: vec![(1, 0), (2, 1)],
            out: 0,
            exc: None,
        }],
        objects: vec![
            HeapObject::Seq {
                type_name: "list".into(),
                items: vec![Value::Ref(2)],
                more: 0,
            },
            HeapObject::Seq {
                type_name: "list".into(),
                items: vec![Value::Ref(1)],
                more: 0,
            },
        ],
        ..Trace::default()
    };
    let scene = layout(&trace, 0, false);
    let outer = &scene.shapes[1];
    let inner = &scene.shapes[2];
    assert!(inner.x > outer.x);
    assert_eq!(scene.arrows.len(), 3);
    // The inner list's arrow back to the outer list leaves to the right and comes back.
    let back = &scene.arrows[2].path;
    assert!(
        back.ends_with(&format!(
            "{:.1},{:.1}",
            outer.x + outer.width,
            outer.y + 12.0
        )),
        "{back}"
    );
}

#[test]
fn frames_stack_with_the_innermost_active_and_the_return_value_shown() {
    let mut call = module(vec![("n", inline("1"))]);
    call.name = "fact".into();
    call.ret = Some(inline("1"));
    let trace = Trace {
        steps: vec![Step {
            event: "return".into(),
            line: 3,
            frames: vec![module(vec![]), call],
            heap: vec![],
            out: 0,
            exc: None,
        }],
        ..Trace::default()
    };
    let scene = layout(&trace, 0, false);
    assert_eq!(
        scene.shapes[1].owner,
        Owner::Frame {
            depth: 1,
            active: true
        }
    );
    assert_eq!(scene.shapes[1].title, "fact");
    assert_eq!(scene.shapes[1].rows[1].label, "Return value");
    assert!(scene.shapes[1].y > scene.shapes[0].y);
    assert!(change(&trace, 0).contains("Returns 1."));
}

/// A real recording (from the engine, natively) laid out and told at every step, both widths.
#[test]
fn every_step_of_a_real_recording_lays_out_and_is_told() {
    let source = "counts = {}\nseen = []\nfor i in range(2000):\n    counts[i % 7] = counts.get(i % 7, 0) + i\n    seen.append(i)\n";
    let text = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            let mut engine =
                pylings_engine::Engine::new(Box::new(pylings_engine::NativeHost::default()));
            let options = pylings_engine::RunOptions {
                visualise: true,
                ..pylings_engine::RunOptions::default()
            };
            engine
                .run_with(source, &options)
                .trace
                .expect("a recording")
        })
        .expect("engine thread")
        .join()
        .expect("engine ran");
    let trace = Trace::from_json(&text).expect("readable");
    assert_eq!(trace.steps.len(), 1000);
    for index in 0..trace.steps.len() {
        for narrow in [false, true] {
            let scene = layout(&trace, index, narrow);
            assert!(scene.width > 0.0 && scene.height > 0.0);
        }
        assert!(change(&trace, index).starts_with(&format!("Step {} of 1000", index + 1)));
        state(&trace, index);
    }
}
