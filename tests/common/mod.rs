//! What the course tests share: the parsed course and an engine on a thread with a large stack.

use std::path::Path;

use pylings_course::{load_course, Course};
use pylings_engine::{Engine, NativeHost};

/// The course in `content/`; panics listing every parse error with its `file:line`.
pub fn course() -> Course {
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let (course, _warnings) = load_course(&content).unwrap_or_else(|errors| {
        let errors: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        panic!("content/ does not parse:\n{}", errors.join("\n"))
    });
    course
}

/// Runs `work` with one engine on a thread whose stack is as large as the worker's.
pub fn with_engine<T: Send + 'static>(work: impl FnOnce(&mut Engine) -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || work(&mut Engine::new(Box::new(NativeHost::default()))))
        .expect("spawn engine thread")
        .join()
        .expect("engine thread")
}
