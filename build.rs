//! Parses and validates the course in `content/` at build time, highlights its Python blocks,
//! and writes it as JSON for the app to include. An invalid course fails the build, listing
//! every defect as `file:line: message`.

#[path = "build/highlight.rs"]
mod highlight;

use std::path::Path;

use pylings_course::{Block, Course};

fn main() {
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    println!("cargo:rerun-if-changed=content");
    println!("cargo:rerun-if-changed=build");
    match pylings_course::load_course(&content) {
        Ok((mut course, warnings)) => {
            highlight_course(&mut course);
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

/// Fills `highlighted` on every Python block of every lesson, questions and exercises included.
fn highlight_course(course: &mut Course) {
    let highlighter = highlight::Highlighter::new();
    let highlight_blocks = |blocks: &mut [Block]| {
        for block in blocks.iter_mut() {
            if let Block::Code(code) = block {
                if code.runnable {
                    code.highlighted = highlighter.python_html(&code.code);
                }
            }
        }
    };
    for chapter in &mut course.chapters {
        for lesson in &mut chapter.lessons {
            highlight_blocks(&mut lesson.body);
            if let Some(quiz) = &mut lesson.quiz {
                for question in &mut quiz.questions {
                    highlight_blocks(&mut question.text);
                    for answer in &mut question.answers {
                        highlight_blocks(&mut answer.text);
                        if let Some(feedback) = &mut answer.feedback {
                            highlight_blocks(feedback);
                        }
                    }
                }
            }
            if let Some(exercise) = &mut lesson.exercise {
                highlight_blocks(&mut exercise.instructions);
            }
        }
    }
}
