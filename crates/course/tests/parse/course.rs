//! Loading whole course directories.

use std::path::Path;

use pylings_course::{load_course, Course};

use super::{fixture, lines};

/// The errors of loading `dir`, displayed with paths relative to it.
fn course_errors(dir: &Path) -> Vec<String> {
    match load_course(dir) {
        Ok((course, _)) => panic!("expected errors, loaded {course:#?}"),
        Err(errors) => errors
            .iter()
            .map(|error| {
                error
                    .to_string()
                    .replace(&format!("{}/", dir.display()), "")
            })
            .collect(),
    }
}

#[test]
fn real_content_loads_in_order() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    let (course, warnings) = load_course(&dir)
        .unwrap_or_else(|errors| panic!("content has errors:\n{}", lines(&errors)));
    assert!(
        warnings.is_empty(),
        "content has warnings:\n{}",
        lines(&warnings)
    );
    assert_eq!(course.chapters[0].slug, "getting-started");
    assert_eq!(course.chapters[0].title, "Getting started");
    let sources: Vec<&str> = course
        .lessons()
        .map(|(_, lesson)| lesson.source.as_str())
        .collect();
    let mut sorted = sources.clone();
    sorted.sort_unstable();
    assert_eq!(
        sources, sorted,
        "lessons follow the NN- prefixes of their folders and files"
    );
    let (_, first) = course.lessons().next().unwrap();
    assert_eq!(first.source, "01-getting-started/01-what-is-python.md");
    assert!(course.lessons().all(
        |(_, lesson)| lesson.quiz.is_some() && lesson.code_blocks().any(|block| block.runnable)
    ));
}

#[test]
fn course_survives_a_json_round_trip() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    let (course, _) = load_course(&dir).unwrap();
    let json = serde_json::to_string(&course).unwrap();
    assert_eq!(serde_json::from_str::<Course>(&json).unwrap(), course);
}

#[test]
fn errors_of_several_files_are_reported_together() {
    assert_eq!(
        course_errors(&fixture("broken-course")),
        [
            "01-basics/01-first.md:11: unknown section `# --scene--`",
            "01-basics/02-second.md:1: missing front matter field `dashedName`",
            "01-basics/02-second.md:18: `## --video-solution--` is 3 but the question has 1 answer",
        ]
    );
}

#[test]
fn duplicate_ids_and_slugs_across_files_are_errors() {
    assert_eq!(
        course_errors(&fixture("duplicate-course")),
        [
            "01-first/02-beta.md:2: duplicate id `alpha`: already used in 01-first/01-alpha.md:2",
            "02-second/01-gamma.md:4: duplicate dashedName `alpha`: already used in 01-first/01-alpha.md:4",
        ]
    );
}

#[test]
fn layout_rules_are_enforced() {
    assert_eq!(
        course_errors(&fixture("layout-course")),
        [
            "01-good/stray.md: lesson file names must start with a number, like `01-name`",
            "02-headless: chapter has no `_chapter.md`",
            "notes: chapter directory names must start with a number, like `01-name`",
        ]
    );
}

#[test]
fn lessons_are_ordered_by_number_not_name() {
    let (course, _) = load_course(&fixture("ordered-course")).unwrap();
    let slugs: Vec<&str> = course
        .lessons()
        .map(|(_, lesson)| lesson.slug.as_str())
        .collect();
    assert_eq!(slugs, ["one", "two", "ten"]);
}

#[test]
fn missing_directory_is_an_error() {
    let errors = load_course(&fixture("no-such-course")).unwrap_err();
    assert!(
        errors[0].line == 0 && errors[0].message.starts_with("cannot read directory"),
        "{errors:?}"
    );
}

/// `content/COVERAGE.md` maps each topic of the course's scope to the lessons that teach it: a
/// Markdown table whose last column lists lesson ids in backticks. Every row names at least one
/// lesson, and every id names a lesson of the course.
#[test]
fn coverage_names_only_lessons_that_exist() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    let (course, _) = load_course(&dir)
        .unwrap_or_else(|errors| panic!("content has errors:\n{}", lines(&errors)));
    let ids: std::collections::HashSet<&str> = course
        .lessons()
        .map(|(_, lesson)| lesson.id.as_str())
        .collect();
    let coverage = std::fs::read_to_string(dir.join("COVERAGE.md")).expect("content/COVERAGE.md");
    let mut problems = Vec::new();
    let mut rows = 0;
    for (index, line) in coverage.lines().enumerate() {
        let cells: Vec<&str> = line.trim().trim_matches('|').split('|').collect();
        if !line.trim_start().starts_with('|')
            || cells.len() < 2
            || cells[0].trim_start().starts_with("---")
        {
            continue;
        }
        let last = cells[cells.len() - 1];
        let named: Vec<&str> = last.split('`').skip(1).step_by(2).collect();
        if named.is_empty() {
            if rows > 0 {
                problems.push(format!(
                    "COVERAGE.md:{}: no lesson id in the last column",
                    index + 1
                ));
            }
            rows += 1; // the header row
            continue;
        }
        rows += 1;
        for id in named {
            if !ids.contains(id) {
                problems.push(format!(
                    "COVERAGE.md:{}: no lesson has the id `{id}`",
                    index + 1
                ));
            }
        }
    }
    assert!(
        rows > 20,
        "COVERAGE.md maps the topics of the seeds ({rows} rows)"
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
