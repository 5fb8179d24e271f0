//! The course, parsed and validated from `content/` by `build.rs` and compiled in as JSON.

use std::sync::OnceLock;

use pylings_course::{Chapter, Course, Lesson};

static COURSE_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/course.json"));

/// The whole course. Parsed once, on first use; `build.rs` guarantees the JSON is valid.
pub fn course() -> &'static Course {
    static COURSE: OnceLock<Course> = OnceLock::new();
    COURSE.get_or_init(|| serde_json::from_str(COURSE_JSON).expect("build.rs wrote a valid course"))
}

/// A lesson found by its slug, with its chapter and its place in the whole course.
pub struct Found {
    pub chapter: &'static Chapter,
    pub lesson: &'static Lesson,
    /// The lessons before and after it in course order, across chapters.
    pub previous: Option<&'static Lesson>,
    pub next: Option<&'static Lesson>,
}

/// Looks a lesson up by its `dashedName`.
pub fn find_lesson(slug: &str) -> Option<Found> {
    let all: Vec<(&Chapter, &Lesson)> = course()
        .chapters
        .iter()
        .flat_map(|c| c.lessons.iter().map(move |l| (c, l)))
        .collect();
    let index = all.iter().position(|(_, lesson)| lesson.slug == slug)?;
    let (chapter, lesson) = all[index];
    Some(Found {
        chapter,
        lesson,
        previous: index.checked_sub(1).map(|i| all[i].1),
        next: all.get(index + 1).map(|(_, l)| *l),
    })
}

/// The link to a lesson page, below the site's base (see [`crate::paths`]).
pub fn lesson_href(lesson: &Lesson) -> String {
    crate::paths::href(&format!("/lesson/{}", lesson.slug))
}

/// Looks a lesson up by its id (as progress records name lessons).
pub fn lesson_by_id(id: &str) -> Option<&'static Lesson> {
    course()
        .chapters
        .iter()
        .flat_map(|c| &c.lessons)
        .find(|l| l.id == id)
}
