//! Loading a whole course from its content directory.
//!
//! ```text
//! content/
//!   01-getting-started/       a chapter: NN-slug
//!     _chapter.md             its title and summary
//!     01-what-is-python.md    its lessons: NN-name.md
//!   COVERAGE.md               other files at the top are ignored
//! ```

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{ContentError, Diagnostics, Warning};
use crate::frontmatter;
use crate::lesson;
use crate::model::{Chapter, Course, Lesson};

/// The file in each chapter directory that holds the chapter's front matter.
const CHAPTER_FILE: &str = "_chapter.md";

/// What `_chapter.md` says about its chapter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChapterMeta {
    /// Front matter `title`.
    pub title: String,
    /// Front matter `summary`.
    pub summary: String,
}

/// Parses a chapter's `_chapter.md`: YAML front matter with `title` and
/// `summary` (both required, non-empty strings). Unknown keys and any text
/// after the front matter are warnings.
///
/// `source` names the file in messages; returns the metadata and warnings,
/// or every error with its 1-based line.
pub fn parse_chapter_meta(
    source: &str,
    text: &str,
) -> Result<(ChapterMeta, Vec<Warning>), Vec<ContentError>> {
    let mut diags = Diagnostics::new(source);
    let meta = chapter_meta(text, &mut diags);
    diags.finish(meta)
}

fn chapter_meta(text: &str, diags: &mut Diagnostics) -> Option<ChapterMeta> {
    let (fields, body) = frontmatter::parse(text, diags);
    let mut fields = fields?;
    let title = fields.required_string("title", diags);
    let summary = fields.required_string("summary", diags);
    fields.warn_unknown(diags);
    if !body.is_blank() {
        diags.warning(
            body.first_content_line(),
            "text after the chapter's front matter is ignored",
        );
    }
    Some(ChapterMeta {
        title: title?,
        summary: summary?,
    })
}

/// Loads and checks the course in `dir` (usually `content/`).
///
/// Chapters are the subdirectories named `NN-slug`, in numeric order; each
/// has a `_chapter.md` and lessons `NN-name.md`, in numeric order. Hidden
/// entries (starting with `.`), files at the top level and files of a chapter
/// not ending in `.md` are ignored. Lesson ids and `dashedName`s must be
/// unique across the course.
///
/// Returns the course and all warnings, or all errors of all files. Paths in
/// messages are `dir` joined with the file's path inside it; a problem with a
/// whole file or directory has line 0.
pub fn load_course(dir: &Path) -> Result<(Course, Vec<Warning>), Vec<ContentError>> {
    let mut loader = Loader {
        report: Diagnostics::new(dir),
        seen: HashMap::new(),
    };
    let entries = loader
        .list(dir)
        .into_iter()
        .filter(|(_, path)| path.is_dir())
        .collect();
    let chapters: Vec<Option<Chapter>> = loader
        .numbered(entries, "chapter directory")
        .into_iter()
        .map(|entry| loader.chapter(dir, entry))
        .collect();
    if chapters.is_empty() {
        loader.report.error(
            0,
            "no chapters: expected directories like `01-getting-started`",
        );
    }
    let chapters = chapters.into_iter().collect::<Option<Vec<_>>>();
    loader
        .report
        .finish(chapters.map(|chapters| Course { chapters }))
}

/// A directory entry whose name starts with a number: `NN-slug`.
#[derive(Debug)]
struct Entry {
    number: u64,
    /// The whole file name.
    name: String,
    /// The name without the number, the dash and any `.md`.
    slug: String,
    path: PathBuf,
}

/// The name and number of an entry named `NN-slug` or `NN-slug.md`.
fn parse_entry_name(name: &str) -> Option<(u64, &str)> {
    let (number, slug) = name.split_once('-')?;
    let slug = slug.strip_suffix(".md").unwrap_or(slug);
    if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) || slug.is_empty() {
        return None;
    }
    Some((number.parse().ok()?, slug))
}

/// The state of a course being loaded.
struct Loader {
    report: Diagnostics,
    /// Where each lesson `id` and `dashedName` was first used: keyed by the
    /// front matter key and the value, the file and line.
    seen: HashMap<(&'static str, String), (PathBuf, usize)>,
}

impl Loader {
    /// The names and paths of the non-hidden entries of `dir`.
    fn list(&mut self, dir: &Path) -> Vec<(String, PathBuf)> {
        let entries = match fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(error) => {
                self.report
                    .error_in(dir, 0, format!("cannot read directory: {error}"));
                return Vec::new();
            }
        };
        let mut found = Vec::new();
        for entry in entries {
            match entry {
                Ok(entry) => match entry.file_name().into_string() {
                    Ok(name) if name.starts_with('.') => {}
                    Ok(name) => found.push((name, entry.path())),
                    Err(_) => {
                        self.report
                            .error_in(&entry.path(), 0, "file name is not valid UTF-8")
                    }
                },
                Err(error) => {
                    self.report
                        .error_in(dir, 0, format!("cannot read directory: {error}"))
                }
            }
        }
        found
    }

    /// Keeps the entries named `NN-slug`, sorted by number; reports the
    /// others and numbers used twice. `what` names the kind of entry.
    fn numbered(&mut self, entries: Vec<(String, PathBuf)>, what: &str) -> Vec<Entry> {
        let mut numbered: Vec<Entry> = Vec::new();
        for (name, path) in entries {
            match parse_entry_name(&name) {
                Some((number, slug)) => {
                    let slug = slug.to_owned();
                    numbered.push(Entry {
                        number,
                        name,
                        slug,
                        path,
                    });
                }
                None => {
                    let message = format!("{what} names must start with a number, like `01-name`");
                    self.report.error_in(&path, 0, message);
                }
            }
        }
        numbered.sort_by(|a, b| (a.number, &a.name).cmp(&(b.number, &b.name)));
        for pair in numbered.windows(2) {
            if let [first, second] = pair {
                if first.number == second.number {
                    let message = format!(
                        "{what} number {} is also used by `{}`",
                        second.number, first.name
                    );
                    self.report.error_in(&second.path, 0, message);
                }
            }
        }
        numbered
    }

    /// The text of a file, or `None` after reporting why it cannot be read.
    fn read(&mut self, path: &Path) -> Option<String> {
        match fs::read_to_string(path) {
            Ok(text) => Some(text),
            Err(error) => {
                self.report
                    .error_in(path, 0, format!("cannot read file: {error}"));
                None
            }
        }
    }

    /// Loads one chapter directory; `None` after reporting errors.
    fn chapter(&mut self, dir: &Path, entry: Entry) -> Option<Chapter> {
        let files = self.list(&entry.path);
        let meta = match files.iter().find(|(name, _)| name == CHAPTER_FILE) {
            Some((_, path)) => self.read(path).and_then(|text| {
                let mut diags = Diagnostics::new(path);
                let meta = chapter_meta(&text, &mut diags);
                self.report.merge(diags);
                meta
            }),
            None => {
                self.report
                    .error_in(&entry.path, 0, format!("chapter has no `{CHAPTER_FILE}`"));
                None
            }
        };
        let files = files
            .into_iter()
            .filter(|(name, path)| name != CHAPTER_FILE && name.ends_with(".md") && path.is_file())
            .collect();
        let lessons: Vec<Option<Lesson>> = self
            .numbered(files, "lesson file")
            .into_iter()
            .map(|file| self.lesson(dir, &entry.name, &file))
            .collect();
        if lessons.is_empty() {
            self.report
                .warning_in(&entry.path, 0, "chapter has no lessons");
        }
        let meta = meta?;
        let lessons = lessons.into_iter().collect::<Option<Vec<Lesson>>>()?;
        Some(Chapter {
            slug: entry.slug,
            title: meta.title,
            summary: meta.summary,
            lessons,
        })
    }

    /// Loads one lesson file of chapter directory `chapter`; `None` after
    /// reporting errors.
    fn lesson(&mut self, dir: &Path, chapter: &str, file: &Entry) -> Option<Lesson> {
        let text = self.read(&file.path)?;
        let path = dir.join(chapter).join(&file.name);
        let mut diags = Diagnostics::new(&path);
        let parsed = lesson::parse(&format!("{chapter}/{}", file.name), &text, &mut diags);
        self.report.merge(diags);
        let (lesson, lines) = parsed?;
        let unique = [
            ("id", &lesson.id, lines.id),
            ("dashedName", &lesson.slug, lines.slug),
        ];
        let mut ok = true;
        for (key, value, line) in unique {
            match self.seen.get(&(key, value.clone())) {
                Some((first, first_line)) => {
                    let first = format!("{}:{first_line}", first.display());
                    self.report.error_in(
                        &path,
                        line,
                        format!("duplicate {key} `{value}`: already used in {first}"),
                    );
                    ok = false;
                }
                None => {
                    self.seen.insert((key, value.clone()), (path.clone(), line));
                }
            }
        }
        ok.then_some(lesson)
    }
}
