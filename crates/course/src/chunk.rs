//! Fence-aware line structure of a piece of a lesson file.
//!
//! A [`Chunk`] is a run of whole lines of the source file that remembers where
//! it starts, so everything cut from it still knows its line numbers. Lines
//! inside fenced code blocks are code, never markers, separators or headings:
//! this is what keeps a Python `# comment` from being taken for a heading.

/// A run of whole lines of a source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Chunk<'a> {
    /// The lines, each ending in `\n` except possibly the last one of the file.
    pub(crate) text: &'a str,
    /// 1-based line number of the first line in the source file.
    pub(crate) line: usize,
}

/// A line-level marker heading such as `## --text--`, and what follows it up
/// to the next marker of the same level.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Marked<'a> {
    /// The name between the dashes, e.g. `text`.
    pub(crate) name: &'a str,
    /// 1-based line of the marker.
    pub(crate) line: usize,
    /// The lines after the marker.
    pub(crate) body: Chunk<'a>,
}

/// A top-level fenced code block found by the line scanner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Fence<'a> {
    /// 1-based line of the opening fence.
    pub(crate) line: usize,
    /// The info string after the opening fence, trimmed.
    pub(crate) info: &'a str,
    /// The code, with the fence's indentation removed; each line ends in `\n`.
    pub(crate) code: String,
    /// Byte range of the whole block in the chunk, fence lines included.
    pub(crate) start: usize,
    pub(crate) end: usize,
}

/// Part of a chunk: either ordinary Markdown lines or a fenced code block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Segment<'a> {
    Text(Chunk<'a>),
    Fence(Fence<'a>),
}

/// How the scanner classified a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind<'a> {
    Text,
    /// An opening fence and its trimmed info string.
    Open(OpenFence, &'a str),
    Code,
    Close,
}

/// One line of a chunk.
#[derive(Debug, Clone, Copy)]
struct Line<'a> {
    /// 1-based line number in the file.
    number: usize,
    /// The line without its line ending.
    text: &'a str,
    /// Byte range of the line in the chunk, line ending included.
    start: usize,
    end: usize,
    kind: Kind<'a>,
}

/// An open fence: its character, length and indentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct OpenFence {
    ch: u8,
    len: usize,
    indent: usize,
}

/// Parses an opening code fence: up to 3 spaces, then 3 or more backticks or
/// tildes, then an info string (which may not contain a backtick after backticks).
fn opening_fence(line: &str) -> Option<(OpenFence, &str)> {
    let indent = line.bytes().take_while(|&b| b == b' ').count();
    let rest = line.get(indent..)?;
    let ch = *rest.as_bytes().first()?;
    if indent > 3 || (ch != b'`' && ch != b'~') {
        return None;
    }
    let len = rest.bytes().take_while(|&b| b == ch).count();
    let info = rest.get(len..)?.trim();
    if len < 3 || (ch == b'`' && info.contains('`')) {
        return None;
    }
    Some((OpenFence { ch, len, indent }, info))
}

/// Whether `line` closes `fence`: up to 3 spaces, at least as many of the
/// same character, then only whitespace.
fn closes(line: &str, fence: OpenFence) -> bool {
    let indent = line.bytes().take_while(|&b| b == b' ').count();
    let rest = line.get(indent..).unwrap_or_default();
    let len = rest.bytes().take_while(|&b| b == fence.ch).count();
    indent <= 3 && len >= fence.len && rest.get(len..).is_some_and(|tail| tail.trim().is_empty())
}

/// The name of a marker heading text such as `--text--` (`text`), if it is one.
pub(crate) fn marker_name(heading: &str) -> Option<&str> {
    let name = heading.trim().strip_prefix("--")?.strip_suffix("--")?;
    let valid = !name.is_empty() && !name.contains(char::is_whitespace);
    valid.then_some(name)
}

/// The marker name of a line like `## --text--` at column 0 with exactly
/// `level` hashes.
fn marker_line(line: &str, level: usize) -> Option<&str> {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    let rest = line.get(hashes..)?;
    if hashes != level || !rest.starts_with([' ', '\t']) {
        return None;
    }
    marker_name(rest)
}

impl<'a> Chunk<'a> {
    /// The whole of `text`, which starts at line `line`.
    pub(crate) fn new(text: &'a str, line: usize) -> Self {
        Self { text, line }
    }

    /// True if the chunk has nothing but whitespace.
    pub(crate) fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// The 1-based line of byte `offset` of the chunk.
    pub(crate) fn line_at(&self, offset: usize) -> usize {
        let before = self
            .text
            .as_bytes()
            .get(..offset)
            .unwrap_or(self.text.as_bytes());
        self.line + before.iter().filter(|&&b| b == b'\n').count()
    }

    /// The line of the first non-blank line, or of the chunk's start if it is blank.
    pub(crate) fn first_content_line(&self) -> usize {
        match self.text.find(|c: char| !c.is_whitespace()) {
            Some(offset) => self.line_at(offset),
            None => self.line,
        }
    }

    /// Bytes `start..end` of the chunk, which must be line boundaries.
    pub(crate) fn slice(&self, start: usize, end: usize) -> Chunk<'a> {
        let text = self.text.get(start..end).unwrap_or_default();
        Chunk::new(text, self.line_at(start))
    }

    /// The chunk's lines, classified as text, fences or code.
    fn lines(&self) -> impl Iterator<Item = Line<'a>> {
        let mut open: Option<OpenFence> = None;
        let mut start = 0;
        let first = self.line;
        self.text
            .split_inclusive('\n')
            .enumerate()
            .map(move |(index, raw)| {
                let text = raw.trim_end_matches('\n').trim_end_matches('\r');
                let kind = match open {
                    Some(fence) if closes(text, fence) => {
                        open = None;
                        Kind::Close
                    }
                    Some(_) => Kind::Code,
                    None => match opening_fence(text) {
                        Some((fence, info)) => {
                            open = Some(fence);
                            Kind::Open(fence, info)
                        }
                        None => Kind::Text,
                    },
                };
                let line = Line {
                    number: first + index,
                    text,
                    start,
                    end: start + raw.len(),
                    kind,
                };
                start = line.end;
                line
            })
    }

    /// The line of a fence opened in this chunk and never closed, if any.
    pub(crate) fn unclosed_fence(&self) -> Option<usize> {
        let mut open = None;
        for line in self.lines() {
            match line.kind {
                Kind::Open(..) => open = Some(line.number),
                Kind::Close => open = None,
                Kind::Text | Kind::Code => {}
            }
        }
        open
    }

    /// Splits the chunk at marker lines `#…# --name--` with exactly `level`
    /// hashes at column 0 outside code fences. Returns the lines before the
    /// first marker and each marker with the lines after it.
    pub(crate) fn split_markers(&self, level: usize) -> (Chunk<'a>, Vec<Marked<'a>>) {
        let markers: Vec<(Line<'a>, &'a str)> = self
            .lines()
            .filter(|line| line.kind == Kind::Text)
            .filter_map(|line| Some((line, marker_line(line.text, level)?)))
            .collect();
        let preamble_end = markers
            .first()
            .map_or(self.text.len(), |(line, _)| line.start);
        let ends = markers
            .iter()
            .skip(1)
            .map(|(line, _)| line.start)
            .chain([self.text.len()]);
        let marked = markers
            .iter()
            .zip(ends)
            .map(|((line, name), end)| Marked {
                name,
                line: line.number,
                body: self.slice(line.end, end),
            })
            .collect();
        (self.slice(0, preamble_end), marked)
    }

    /// Splits the chunk at lines consisting of `---` outside code fences.
    pub(crate) fn split_separators(&self) -> Vec<Chunk<'a>> {
        let mut parts = Vec::new();
        let mut start = 0;
        for line in self.lines() {
            if line.kind == Kind::Text && line.text.trim_end() == "---" {
                parts.push(self.slice(start, line.start));
                start = line.end;
            }
        }
        parts.push(self.slice(start, self.text.len()));
        parts
    }

    /// Cuts the chunk into runs of Markdown lines and top-level fenced code
    /// blocks, in order; blank runs between fences are kept.
    pub(crate) fn segments(&self) -> Vec<Segment<'a>> {
        let mut segments = Vec::new();
        let mut text_start = 0;
        let mut fence: Option<(Fence<'a>, usize)> = None;
        for line in self.lines() {
            match (line.kind, &mut fence) {
                (Kind::Open(open, info), _) => {
                    if text_start < line.start {
                        segments.push(Segment::Text(self.slice(text_start, line.start)));
                    }
                    let (start, end, code) = (line.start, self.text.len(), String::new());
                    fence = Some((
                        Fence {
                            line: line.number,
                            info,
                            code,
                            start,
                            end,
                        },
                        open.indent,
                    ));
                }
                (Kind::Code, Some((open, indent))) => {
                    let spaces = line
                        .text
                        .bytes()
                        .take(*indent)
                        .take_while(|&b| b == b' ')
                        .count();
                    open.code
                        .push_str(line.text.get(spaces..).unwrap_or_default());
                    open.code.push('\n');
                }
                (Kind::Close, Some((open, _))) => {
                    open.end = line.end;
                    text_start = line.end;
                    segments.extend(fence.take().map(|(open, _)| Segment::Fence(open)));
                }
                _ => {}
            }
        }
        match fence {
            Some((open, _)) => segments.push(Segment::Fence(open)),
            None if text_start < self.text.len() => {
                segments.push(Segment::Text(self.slice(text_start, self.text.len())));
            }
            None => {}
        }
        segments
    }
}
