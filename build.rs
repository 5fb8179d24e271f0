//! Parses and validates the course in `content/` at build time and writes it as JSON for the
//! app to include. An invalid course fails the build, listing every defect as `file:line: message`.

use std::path::Path;

fn main() {
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    println!("cargo:rerun-if-changed=content");
    match pylings_course::load_course(&content) {
        Ok((course, warnings)) => {
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
