//! Splitting a lesson body into its `# --name--` sections.

use crate::chunk::{Chunk, Marked};
use crate::error::Diagnostics;

/// The sections a lesson may have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Section {
    Description,
    Transcript,
    Instructions,
    Tips,
    Hints,
    Seed,
    Solutions,
    WrongSolutions,
    Questions,
}

impl Section {
    const ALL: [Section; 9] = [
        Section::Description,
        Section::Transcript,
        Section::Instructions,
        Section::Tips,
        Section::Hints,
        Section::Seed,
        Section::Solutions,
        Section::WrongSolutions,
        Section::Questions,
    ];

    /// The name between the dashes of the section's marker.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Section::Description => "description",
            Section::Transcript => "transcript",
            Section::Instructions => "instructions",
            Section::Tips => "tips",
            Section::Hints => "hints",
            Section::Seed => "seed",
            Section::Solutions => "solutions",
            Section::WrongSolutions => "wrong-solutions",
            Section::Questions => "questions",
        }
    }

    /// True for the sections that make a lesson an exercise.
    pub(crate) fn is_exercise(self) -> bool {
        matches!(
            self,
            Section::Instructions
                | Section::Tips
                | Section::Hints
                | Section::Seed
                | Section::Solutions
                | Section::WrongSolutions
        )
    }
}

/// The sections of one lesson, each at most once, in file order.
#[derive(Debug)]
pub(crate) struct Sections<'a> {
    found: Vec<(Section, Marked<'a>)>,
}

/// Splits a lesson body (everything after the front matter) into sections.
///
/// Reports a fence that is never closed, text before the first marker, and
/// unknown or repeated sections; the sections that are fine are returned.
pub(crate) fn split<'a>(body: Chunk<'a>, diags: &mut Diagnostics) -> Sections<'a> {
    if let Some(line) = body.unclosed_fence() {
        diags.error(line, "code fence is never closed");
    }
    let (preamble, markers) = body.split_markers(1);
    if !preamble.is_blank() {
        diags.error(
            preamble.first_content_line(),
            "text before the first section: sections start with a line like `# --description--`",
        );
    }
    let mut found: Vec<(Section, Marked<'a>)> = Vec::new();
    for marked in markers {
        let Some(section) = Section::ALL
            .into_iter()
            .find(|section| section.name() == marked.name)
        else {
            diags.error(
                marked.line,
                format!("unknown section `# --{}--`", marked.name),
            );
            continue;
        };
        match found.iter().find(|(seen, _)| *seen == section) {
            Some((_, first)) => diags.error(
                marked.line,
                format!(
                    "section `# --{}--` appears twice (first at line {})",
                    marked.name, first.line
                ),
            ),
            None => found.push((section, marked)),
        }
    }
    Sections { found }
}

impl<'a> Sections<'a> {
    /// The section, if the lesson has it.
    pub(crate) fn get(&self, section: Section) -> Option<Marked<'a>> {
        self.found
            .iter()
            .find(|(found, _)| *found == section)
            .map(|(_, marked)| *marked)
    }

    /// All sections in file order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (Section, Marked<'a>)> + '_ {
        self.found.iter().copied()
    }
}
