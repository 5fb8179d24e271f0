//! `cargo xtask cpython`: records what CPython 3.14 prints for every runnable snippet of
//! `content/`, into `tests/cpython/expected.json`, which the content tests compare the engine
//! with.
//!
//! CPython is Pyodide's build of 3.14 (the `pyodide` npm package) under Node, offline
//! (`tests/cpython/record.mjs`). Recording is a step for content authors, not for CI: the file
//! is committed, and the test names the snippets it lacks.

use std::fs;
use std::io::Write;
use std::process::Stdio;

use serde_json::{json, Value};

use crate::cmd::{command, root, Result};

/// Where the recording lives, relative to the workspace root.
pub const EXPECTED: &str = "tests/cpython/expected.json";

pub fn run() -> Result {
    let (course, _) = pylings_course::load_course(&root().join("content")).map_err(|errors| {
        let errors: Vec<String> = errors.iter().map(ToString::to_string).collect();
        format!("content/ does not parse:\n{}", errors.join("\n"))
    })?;
    let mut snippets: Vec<(String, String)> = course
        .lessons()
        .flat_map(|(_, lesson)| lesson.code_blocks())
        .filter(|block| block.runnable)
        .map(|block| (block.code.clone(), block.stdin.clone().unwrap_or_default()))
        .collect();
    // Sorted and without repeats, so that the file changes only where the course does.
    snippets.sort();
    snippets.dedup();
    let input: Vec<Value> = snippets
        .iter()
        .map(|(code, stdin)| json!({ "code": code, "stdin": stdin }))
        .collect();
    println!("running {} snippets in CPython (Pyodide)…", input.len());
    let mut node = command("node", &["tests/cpython/record.mjs"]);
    node.stdin(Stdio::piped()).stdout(Stdio::piped());
    let mut child = node
        .spawn()
        .map_err(|e| format!("cannot start node (run cargo xtask setup): {e}"))?;
    let request = serde_json::to_vec(&input).map_err(|e| e.to_string())?;
    child
        .stdin
        .take()
        .ok_or("node has no stdin")?
        .write_all(&request)
        .map_err(|e| format!("cannot write to node: {e}"))?;
    let output = child.wait_with_output().map_err(|e| e.to_string())?;
    if !output.status.success() {
        return Err(format!(
            "tests/cpython/record.mjs failed with {}",
            output.status
        ));
    }
    let recording: Value = serde_json::from_slice(&output.stdout)
        .map_err(|e| format!("tests/cpython/record.mjs printed no JSON: {e}"))?;
    let mut text = serde_json::to_string_pretty(&recording).map_err(|e| e.to_string())?;
    text.push('\n');
    let path = root().join(EXPECTED);
    fs::write(&path, text).map_err(|e| format!("cannot write {path:?}: {e}"))?;
    println!("wrote {EXPECTED} (CPython {})", recording["python"]);
    Ok(())
}
