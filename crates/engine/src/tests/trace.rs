//! The visualiser's recorder (`_pylings_trace`): what it records for the situations the
//! visualiser exists to show (aliasing, closures, recursion, generators, exceptions), its
//! limits, and that ordinary runs are not traced.

use pylings_protocol::trace::{Frame, HeapObject, Step, Trace, Value, MAX_STEPS};

use super::on_engine;
use crate::{RunOptions, RunOutcome};

/// Visualises each `(source, stdin)` on one engine.
fn visualise_all(programs: &[(&str, &str)]) -> Vec<(RunOutcome, Option<Trace>)> {
    let programs: Vec<(String, String)> = programs
        .iter()
        .map(|(source, stdin)| (source.to_string(), stdin.to_string()))
        .collect();
    on_engine(move |engine| {
        programs
            .iter()
            .map(|(source, stdin)| {
                let options = RunOptions {
                    stdin: stdin.clone(),
                    visualise: true,
                    ..RunOptions::default()
                };
                let outcome = engine.run_with(source, &options);
                let trace = outcome
                    .trace
                    .as_deref()
                    .map(|text| Trace::from_json(text).expect("a valid recording"));
                (outcome, trace)
            })
            .collect()
    })
}

fn visualise(source: &str) -> Trace {
    let (outcome, trace) = visualise_all(&[(source, "")]).remove(0);
    trace.unwrap_or_else(|| panic!("no recording: {outcome:?}"))
}

fn local<'a>(frame: &'a Frame, name: &str) -> &'a Value {
    &frame
        .locals
        .iter()
        .find(|(shown, _)| shown == name)
        .unwrap_or_else(|| panic!("{name} not in {frame:?}"))
        .1
}

fn number(value: &Value) -> u32 {
    match value {
        Value::Ref(number) => *number,
        Value::Inline(text) => panic!("{text} is drawn inline, not as an object"),
    }
}

/// The first step at `line` (about to run it) in a frame named `function`.
fn at<'a>(trace: &'a Trace, line: u32, function: &str) -> &'a Step {
    trace
        .steps
        .iter()
        .find(|step| {
            step.event == "line"
                && step.line == line
                && step.frames.last().is_some_and(|f| f.name == function)
        })
        .unwrap_or_else(|| panic!("no step at line {line} in {function}"))
}

#[test]
fn two_names_for_one_list_point_at_one_object() {
    let trace = visualise("a = [1, 2]\nb = a\nb.append(3)\nc = [1, 2, 3]\nprint(a)\n");
    let last = trace.steps.last().expect("steps");
    let module = &last.frames[0];
    assert_eq!(module.name, "<module>");
    let (a, b, c) = (
        number(local(module, "a")),
        number(local(module, "b")),
        number(local(module, "c")),
    );
    assert_eq!(a, b, "b is another name for a's list");
    assert_ne!(a, c, "an equal list is another object");
    let items = |n| match trace.object(last, n) {
        Some(HeapObject::Seq {
            type_name, items, ..
        }) if type_name == "list" => items.clone(),
        other => panic!("not a list: {other:?}"),
    };
    let three: Vec<Value> = ["1", "2", "3"].map(|v| Value::Inline(v.into())).to_vec();
    assert_eq!(items(a), three);
    assert_eq!(items(c), three);
    // Before the append, the shared list had two items: steps keep the state of their time.
    assert_eq!(items_at(&trace, at(&trace, 3, "<module>"), a).len(), 2);
    assert_eq!(&trace.output[..last.out], "[1, 2, 3]\n");
    assert_eq!(trace.limit, None);
}

fn items_at(trace: &Trace, step: &Step, number: u32) -> Vec<Value> {
    match trace.object(step, number) {
        Some(HeapObject::Seq { items, .. }) => items.clone(),
        other => panic!("not a sequence: {other:?}"),
    }
}

#[test]
fn a_closure_shows_its_captured_cell() {
    let trace = visualise(
        "def counter():\n    count = 0\n    def tick():\n        nonlocal count\n        count += 1\n        return count\n    return tick\nt = counter()\nt()\nt()\n",
    );
    let last = trace.steps.last().expect("steps");
    let tick = number(local(&last.frames[0], "t"));
    match trace.object(last, tick) {
        Some(HeapObject::Function {
            name,
            params,
            cells,
            ..
        }) => {
            assert_eq!(name, "counter.<locals>.tick");
            assert!(params.is_empty());
            assert_eq!(
                cells,
                &vec![("count".to_owned(), Value::Inline("2".into()))]
            );
        }
        other => panic!("not a function: {other:?}"),
    }
}

#[test]
fn a_mutable_default_is_one_object_for_every_call() {
    let trace = visualise(
        "def add(item, bag=[]):\n    bag.append(item)\n    return bag\nfirst = add(1)\nsecond = add(2)\n",
    );
    let last = trace.steps.last().expect("steps");
    let module = &last.frames[0];
    let bag = number(local(module, "first"));
    assert_eq!(number(local(module, "second")), bag);
    match trace.object(last, number(local(module, "add"))) {
        Some(HeapObject::Function {
            params, defaults, ..
        }) => {
            assert_eq!(params, &["item", "bag"]);
            assert_eq!(defaults, &vec![("bag".to_owned(), Value::Ref(bag))]);
        }
        other => panic!("not a function: {other:?}"),
    }
}

#[test]
fn recursion_shows_one_frame_per_call_and_the_value_returned() {
    let trace = visualise(
        "def fact(n):\n    if n <= 1:\n        return 1\n    return n * fact(n - 1)\nprint(fact(3))\n",
    );
    let deepest = trace
        .steps
        .iter()
        .max_by_key(|step| step.frames.len())
        .expect("steps");
    let names: Vec<&str> = deepest.frames.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["<module>", "fact", "fact", "fact"]);
    let ns: Vec<&Value> = deepest.frames[1..].iter().map(|f| local(f, "n")).collect();
    assert_eq!(
        ns,
        [
            &Value::Inline("3".into()),
            &Value::Inline("2".into()),
            &Value::Inline("1".into())
        ]
    );
    let returned: Vec<&Value> = trace
        .steps
        .iter()
        .filter(|step| step.event == "return")
        .filter_map(|step| step.frames.last().and_then(|f| f.ret.as_ref()))
        .collect();
    assert_eq!(
        returned[..3],
        [
            &Value::Inline("1".into()),
            &Value::Inline("2".into()),
            &Value::Inline("6".into())
        ]
    );
    assert_eq!(trace.output, "6\n");
}

#[test]
fn a_suspended_generator_keeps_its_line_and_locals() {
    let trace = visualise(
        "def countdown(n):\n    while n > 0:\n        yield n\n        n -= 1\ng = countdown(3)\nfirst = next(g)\nsecond = next(g)\n",
    );
    let created = at(&trace, 6, "<module>");
    let g = number(local(&created.frames[0], "g"));
    let state = |step: &Step| match trace.object(step, g) {
        Some(HeapObject::Generator {
            state,
            line,
            locals,
            ..
        }) => (state.clone(), *line, locals.clone()),
        other => panic!("not a generator: {other:?}"),
    };
    assert_eq!(state(created).0, "created");
    let (state_now, line, locals) = state(at(&trace, 7, "<module>"));
    assert_eq!(state_now, "suspended");
    assert_eq!(line, Some(3));
    assert_eq!(locals, vec![("n".to_owned(), Value::Inline("3".into()))]);
    // While it runs, its frame is on the stack above the module's.
    assert!(trace.steps.iter().any(|step| {
        step.frames.len() == 2 && step.frames[1].name == "countdown" && step.line == 4
    }));
}

#[test]
fn an_exception_is_recorded_in_each_frame_it_unwinds() {
    let (outcome, trace) = visualise_all(&[(
        "def inner():\n    raise ValueError('bad value')\ndef outer():\n    inner()\nouter()\n",
        "",
    )])
    .remove(0);
    let trace = trace.expect("a recording");
    assert_eq!(outcome.error.expect("uncaught").kind, "ValueError");
    let unwinding: Vec<(usize, u32)> = trace
        .steps
        .iter()
        .filter(|step| step.event == "exception")
        .map(|step| {
            assert_eq!(step.exc.as_deref(), Some("ValueError: bad value"));
            (step.frames.len(), step.line)
        })
        .collect();
    assert_eq!(unwinding, [(3, 2), (2, 4), (1, 5)]);
}

#[test]
fn instances_show_their_attributes_and_classes_their_methods() {
    let trace = visualise(
        "class Point:\n    def __init__(self, x, y):\n        self.x = x\n        self.y = y\n    def __repr__(self):\n        print('never called by the recorder')\n        return 'P'\np = Point(1, [2])\n",
    );
    assert_eq!(trace.output, "");
    let last = trace.steps.last().expect("steps");
    let module = &last.frames[0];
    match trace.object(last, number(local(module, "p"))) {
        Some(HeapObject::Instance { type_name, attrs }) => {
            assert_eq!(type_name, "Point");
            assert_eq!(attrs[0], ("x".to_owned(), Value::Inline("1".into())));
            assert!(matches!(attrs[1], (ref name, Value::Ref(_)) if name == "y"));
        }
        other => panic!("not an instance: {other:?}"),
    }
    match trace.object(last, number(local(module, "Point"))) {
        Some(HeapObject::Class { name, attrs, .. }) => {
            assert_eq!(name, "Point");
            let names: Vec<&str> = attrs.iter().map(|(n, _)| n.as_str()).collect();
            assert_eq!(names, ["__init__", "__repr__"]);
        }
        other => panic!("not a class: {other:?}"),
    }
}

#[test]
fn an_endless_loop_ends_the_recording_at_the_step_limit() {
    let (outcome, trace) = visualise_all(&[("while True:\n    x = 1\n", "")]).remove(0);
    let trace = trace.expect("a recording");
    assert_eq!(outcome.error, None, "the limit is not the program's error");
    assert_eq!(trace.steps.len(), MAX_STEPS);
    assert_eq!(trace.limit.as_deref(), Some("steps"));
}

#[test]
fn a_step_shows_at_most_200_objects() {
    let trace = visualise("nested = []\nfor _ in range(300):\n    nested = [nested]\n");
    let last = trace.steps.last().expect("steps");
    assert_eq!(last.heap.len(), 200);
    assert!(trace.clipped);
}

#[test]
fn typed_input_is_replayed_and_shown_in_the_output() {
    let (_, trace) =
        visualise_all(&[("name = input('Name? ')\nprint('hi', name)\n", "Ada\n")]).remove(0);
    let trace = trace.expect("a recording");
    assert_eq!(trace.output, "Name? Ada\nhi Ada\n");
    let last = trace.steps.last().expect("steps");
    assert_eq!(
        local(&last.frames[0], "name"),
        &Value::Inline("'Ada'".into())
    );
}

#[test]
fn ordinary_runs_are_not_traced_and_identical_states_are_stored_once() {
    let outcome = on_engine(|engine| engine.run("x = [1]\nprint(x)"));
    assert_eq!(outcome.trace, None);
    let trace = visualise("x = [1]\nfor i in range(50):\n    pass\n");
    assert!(trace.steps.len() > 100);
    assert_eq!(
        trace.objects.len(),
        1,
        "x's list is stored once: {:?}",
        trace.objects
    );
}
