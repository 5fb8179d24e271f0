//! Every runnable code block in `content/` runs in the engine: it must end exactly as declared
//! (no exception, or the one named by `raises=`), and its stdout must equal CPython 3.14's,
//! recorded in `tests/cpython/expected.json` by `cargo xtask cpython` (Pyodide's CPython under
//! Node), where CPython must also end as declared, unless the block declares why it differs
//! (`differs=reason`). A "predict, then run" block's right choice must be what the engine
//! prints (or, for a block that raises, name the exception). A "Visualise this" block must
//! record within the visualiser's limits, ending as it runs. All failures are listed together
//! with their `file:line`.

mod common;

use std::collections::HashMap;

use pylings_course::{CodeBlock, Prediction};
use pylings_engine::RunOptions;
use pylings_protocol::trace::Trace;
use serde::Deserialize;

struct Example {
    place: String,
    block: CodeBlock,
}

fn examples() -> Vec<Example> {
    common::course()
        .chapters
        .iter()
        .flat_map(|chapter| &chapter.lessons)
        .flat_map(|lesson| {
            lesson
                .code_blocks()
                .filter(|b| b.runnable)
                .map(move |block| Example {
                    place: format!("content/{}:{}", lesson.source, block.line),
                    block: block.clone(),
                })
        })
        .collect()
}

/// `tests/cpython/expected.json`.
#[derive(Deserialize)]
struct Recording {
    /// CPython's version, e.g. `3.14.2`.
    python: String,
    snippets: Vec<Recorded>,
}

/// What CPython did with one snippet.
#[derive(Deserialize)]
struct Recorded {
    code: String,
    stdin: String,
    stdout: String,
    /// The uncaught exception's class name.
    raised: Option<String>,
}

/// The recording, by code and stdin.
fn cpython() -> (String, HashMap<(String, String), Recorded>) {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cpython/expected.json");
    let text = std::fs::read_to_string(path).expect("tests/cpython/expected.json is readable");
    let recording: Recording = serde_json::from_str(&text).expect("the recording is valid JSON");
    assert!(
        recording.python.starts_with("3.14."),
        "the recording is of CPython 3.14, not {}",
        recording.python
    );
    let snippets = recording
        .snippets
        .into_iter()
        .map(|r| ((r.code.clone(), r.stdin.clone()), r))
        .collect();
    (recording.python, snippets)
}

/// What is wrong with a prediction's right choice, given what the block printed.
fn check_prediction(prediction: &Prediction, block: &CodeBlock, stdout: &str) -> Option<String> {
    let right = &prediction.choices[prediction.correct?];
    match &block.raises {
        Some(name) if !right.contains(name.as_str()) => Some(format!(
            "the right choice `{right}` does not name the {name} the block raises"
        )),
        None if Prediction::normalise(right) != Prediction::normalise(stdout) => Some(format!(
            "the right choice\n{right}\nis not what the block prints\n{stdout}"
        )),
        _ => None,
    }
}

fn describe_end(raised: Option<&str>) -> String {
    raised.map_or("no exception".to_owned(), |r| format!("a {r}"))
}

#[test]
fn every_example_in_the_course_runs_as_declared() {
    let examples = examples();
    assert!(
        examples.len() >= 20,
        "the course has runnable examples ({})",
        examples.len()
    );
    let (python, recorded) = cpython();
    let failures = common::with_engine(move |engine| {
        let mut failures = Vec::new();
        for Example { place, block } in &examples {
            let outcome = engine.run_with_stdin(&block.code, block.stdin.as_deref().unwrap_or(""));
            let raised = outcome.error.as_ref().map(|e| e.kind.as_str());
            if raised != block.raises.as_deref() {
                failures.push(format!(
                    "{place}: expected {}, got {}",
                    describe_end(block.raises.as_deref()),
                    outcome
                        .error
                        .as_ref()
                        .map_or("no exception".to_owned(), |e| e.traceback.clone())
                ));
                continue;
            }
            if let Some(wrong) = block
                .predict
                .as_ref()
                .and_then(|prediction| check_prediction(prediction, block, &outcome.stdout))
            {
                failures.push(format!("{place}: {wrong}"));
            }
            if block.differs.is_some() {
                continue;
            }
            let key = (block.code.clone(), block.stdin.clone().unwrap_or_default());
            let Some(cpython) = recorded.get(&key) else {
                failures.push(format!(
                    "{place}: no CPython output recorded for this block: run `cargo xtask cpython`"
                ));
                continue;
            };
            if cpython.raised != block.raises {
                failures.push(format!(
                    "{place}: expected {}, but CPython {python} ends with {}",
                    describe_end(block.raises.as_deref()),
                    describe_end(cpython.raised.as_deref())
                ));
            }
            if cpython.stdout != outcome.stdout {
                failures.push(format!(
                    "{place}: stdout differs from CPython {python}'s\n--- CPython\n{}--- Pylings\n{}",
                    cpython.stdout, outcome.stdout
                ));
            }
        }
        failures
    });
    assert!(
        failures.is_empty(),
        "{} example(s) failed:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn visualised_examples_record_within_the_limits() {
    let examples: Vec<Example> = examples()
        .into_iter()
        .filter(|e| e.block.visualise)
        .collect();
    let lessons: std::collections::BTreeSet<&str> = examples
        .iter()
        .map(|e| e.place.split(':').next().unwrap_or_default())
        .collect();
    assert!(
        lessons.len() >= 8,
        "at least 8 lessons have a \"Visualise this\" example ({lessons:?})"
    );
    let failures = common::with_engine(move |engine| {
        let mut failures = Vec::new();
        for Example { place, block } in &examples {
            let options = RunOptions {
                stdin: block.stdin.clone().unwrap_or_default(),
                visualise: true,
                ..RunOptions::default()
            };
            let outcome = engine.run_with(&block.code, &options);
            let raised = outcome.error.as_ref().map(|e| e.kind.as_str());
            let trace = outcome.trace.as_deref().map(Trace::from_json);
            match trace {
                Some(Ok(trace)) => {
                    if raised != block.raises.as_deref() {
                        failures.push(format!("{place}: visualised, it ends with {raised:?}"));
                    }
                    if trace.limit.is_some() || trace.clipped || trace.steps.len() < 2 {
                        failures.push(format!(
                            "{place}: {} steps (limit {:?}, clipped {}): a visualised example \
                             must fit the visualiser's limits",
                            trace.steps.len(),
                            trace.limit,
                            trace.clipped
                        ));
                    }
                    if block.stdin.is_none() && trace.output != outcome.stdout {
                        failures.push(format!(
                            "{place}: the recording's output differs from stdout"
                        ));
                    }
                }
                other => failures.push(format!("{place}: no readable recording: {other:?}")),
            }
        }
        failures
    });
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
