//! Parses and validates the course in `content/` at build time, highlights its Python blocks,
//! and writes it as JSON for the app to include. An invalid course fails the build, listing
//! every defect as `file:line: message`.

#[path = "build/highlight.rs"]
mod highlight;

use std::path::Path;

use pylings_course::Course;

fn main() {
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    println!("cargo:rerun-if-changed=content");
    println!("cargo:rerun-if-changed=build");
    match pylings_course::load_course(&content) {
        Ok((mut course, warnings)) => {
            lint(&content, &course);
            highlight_course(&mut course);
            drop_wrong_solutions(&mut course);
            for warning in warnings {
                println!("cargo:warning={warning}");
            }
            let json = serde_json::to_string(&course).expect("the course serialises");
            let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
            std::fs::write(Path::new(&out).join("course.json"), json).expect("OUT_DIR is writable");
        }
        Err(errors) => {
            eprintln!("The course in content/ has {} error(s):", errors.len());
            for error in &errors {
                eprintln!("  {error}");
            }
            std::process::exit(1);
        }
    }
}

/// Fails the site's build (for wasm32) on guessable quiz patterns; native builds, which the
/// tests use, only warn, so that one content test (`quizzes_give_nothing_away`) reports them
/// while every other test still runs.
fn lint(content: &Path, course: &Course) {
    let errors = pylings_course::lint_quizzes(content, course);
    let for_site = std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32");
    for error in &errors {
        match for_site {
            true => eprintln!("  {error}"),
            false => println!("cargo:warning={error}"),
        }
    }
    if for_site && !errors.is_empty() {
        eprintln!(
            "The course's quizzes have {} pattern(s) that give answers away.",
            errors.len()
        );
        std::process::exit(1);
    }
}

/// Empties every exercise's wrong solutions: they exist for the course test, not for learners.
fn drop_wrong_solutions(course: &mut Course) {
    let exercises = course
        .chapters
        .iter_mut()
        .flat_map(|chapter| &mut chapter.lessons)
        .filter_map(|lesson| lesson.exercise.as_mut());
    for exercise in exercises {
        exercise.wrong_solutions.clear();
    }
}

/// Fills `highlighted` on every Python block of every lesson, questions and exercises included.
fn highlight_course(course: &mut Course) {
    let highlighter = highlight::Highlighter::new();
    let lessons = course
        .chapters
        .iter_mut()
        .flat_map(|chapter| &mut chapter.lessons);
    for code in lessons
        .flat_map(|lesson| lesson.code_blocks_mut())
        .filter(|code| code.runnable)
    {
        code.highlighted = highlighter.python_html(&code.code);
    }
}
