//! Interactive runs: `input()` beyond the answers given ends the run awaiting input, and the
//! replay with one more answer suppresses what was already shown and repeats random choices.

use super::on_engine;
use crate::{RunOptions, RunOutcome};

/// Runs each `(source.to_owned(), options)` on one engine.
fn run_each(runs: Vec<(String, RunOptions)>) -> Vec<RunOutcome> {
    on_engine(move |engine| {
        runs.iter()
            .map(|(source, options)| engine.run_with(source, options))
            .collect()
    })
}

fn interactive(stdin: &str, skip_output: u64, seed: u64) -> RunOptions {
    RunOptions {
        stdin: stdin.to_owned(),
        interactive: true,
        skip_output,
        seed: Some(seed),
        visualise: false,
    }
}

const GREETER: &str = "import random\nprint('hello')\nname = input('Name? ')\nprint('hi', name, random.randint(1, 10**9))\nage = input('Age? ')\nprint('ok', age)\n";

#[test]
fn input_beyond_the_answers_awaits_and_replays_continue_the_run() {
    let first = "hello\nName? ";
    let outcomes = run_each(vec![
        (GREETER.to_owned(), interactive("", 0, 7)),
        (
            GREETER.to_owned(),
            interactive("Ada\n", first.len() as u64, 7),
        ),
        (
            GREETER.to_owned(),
            interactive("Ada\n", first.len() as u64, 7),
        ),
        (GREETER.to_owned(), interactive("Ada\n42\n", 0, 7)),
    ]);
    assert!(outcomes[0].awaiting_input);
    assert_eq!(outcomes[0].error, None);
    assert_eq!(outcomes[0].stdout, first);
    assert!(outcomes[1].awaiting_input);
    assert!(
        outcomes[1].stdout.starts_with("hi Ada "),
        "{:?}",
        outcomes[1].stdout
    );
    assert!(outcomes[1].stdout.ends_with("\nAge? "));
    assert_eq!(
        outcomes[1].stdout, outcomes[2].stdout,
        "the same seed gives the same random number"
    );
    assert!(!outcomes[3].awaiting_input);
    assert_eq!(
        outcomes[3].stdout,
        format!("{first}{}ok 42\n", outcomes[1].stdout)
    );
}

#[test]
fn input_needed_is_not_caught_by_learner_code_and_eof_stays_for_plain_runs() {
    let source = "try:\n    x = input()\nexcept Exception:\n    print('caught')\n";
    let outcomes = run_each(vec![
        (source.to_owned(), interactive("", 0, 1)),
        (source.to_owned(), RunOptions::default()),
    ]);
    assert!(outcomes[0].awaiting_input);
    assert_eq!(outcomes[0].stdout, "");
    assert!(!outcomes[1].awaiting_input);
    assert_eq!(outcomes[1].stdout, "caught\n");
}

#[test]
fn replays_skip_sleeps_until_they_catch_up() {
    let source = "import time\nfor i in range(3):\n    print(i)\n    time.sleep(0.2)\nname = input()\nprint(name)\n";
    let started = std::time::Instant::now();
    let outcomes = run_each(vec![(source.to_owned(), interactive("x\n", 6, 1))]);
    assert_eq!(outcomes[0].stdout, "x\n");
    assert!(started.elapsed().as_secs_f64() < 5.0);
}

#[test]
fn modules_written_by_the_learner_are_imported_afresh_each_run() {
    let write = |body: &str| {
        format!("with open('helper.py', 'w') as f:\n    f.write({body:?})\nimport helper\nprint(helper.VALUE)\n")
    };
    let (one, two) = (write("VALUE = 1\n"), write("VALUE = 2\n"));
    let outcomes = run_each(vec![
        (one, RunOptions::default()),
        (two, RunOptions::default()),
    ]);
    assert_eq!(outcomes[0].stdout, "1\n", "{:?}", outcomes[0].error);
    assert_eq!(outcomes[1].stdout, "2\n", "{:?}", outcomes[1].error);
}
