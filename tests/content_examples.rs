//! Every runnable code block in `content/` runs in the engine: it must end exactly as declared
//! (no exception, or the one named by `raises=`), and where `python3` is installed its stdout
//! must equal CPython's, unless the block declares why it differs (`differs=reason`). All
//! failures are listed together with their `file:line`.

mod common;

use std::io::Write;
use std::process::{Command, Stdio};

use pylings_course::CodeBlock;

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

/// CPython's stdout for the block, or `None` when `python3` is not installed.
fn cpython_stdout(block: &CodeBlock) -> Option<String> {
    let dir = std::env::temp_dir().join(format!("pylings-cpython-{}", std::process::id()));
    std::fs::create_dir_all(&dir).ok()?;
    let mut child = Command::new("python3")
        .arg("-c")
        .arg(&block.code)
        .current_dir(&dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    child
        .stdin
        .take()?
        .write_all(block.stdin.as_deref().unwrap_or("").as_bytes())
        .ok()?;
    let output = child.wait_with_output().ok()?;
    Some(String::from_utf8_lossy(&output.stdout).into_owned())
}

#[test]
fn every_example_in_the_course_runs_as_declared() {
    let examples = examples();
    assert!(
        examples.len() >= 20,
        "the course has runnable examples ({})",
        examples.len()
    );
    let failures = common::with_engine(move |engine| {
        let mut failures = Vec::new();
        for Example { place, block } in &examples {
            let outcome = engine.run_with_stdin(&block.code, block.stdin.as_deref().unwrap_or(""));
            let raised = outcome.error.as_ref().map(|e| e.kind.as_str());
            if raised != block.raises.as_deref() {
                failures.push(format!(
                    "{place}: expected {}, got {}",
                    block
                        .raises
                        .as_deref()
                        .map_or("no exception".to_owned(), |r| format!("a {r}")),
                    outcome
                        .error
                        .as_ref()
                        .map_or("no exception".to_owned(), |e| e.traceback.clone())
                ));
                continue;
            }
            if block.differs.is_some() {
                continue;
            }
            if let Some(expected) = cpython_stdout(block) {
                if expected != outcome.stdout {
                    failures.push(format!(
                            "{place}: stdout differs from CPython's\n--- CPython\n{expected}--- Pylings\n{}",
                            outcome.stdout
                        ));
                }
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
