//! A run's output as the panel keeps it: stretches of stdout, stderr and echoed input,
//! trimmed to a bounded tail.

use pylings_protocol::Stream;

/// Where a piece of output came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChunkKind {
    Stdout,
    Stderr,
    /// A line the learner typed for `input()`, echoed as a terminal does.
    Input,
}

impl ChunkKind {
    /// The CSS class of its text.
    pub fn class(self) -> &'static str {
        match self {
            ChunkKind::Stdout => "stdout",
            ChunkKind::Stderr => "stderr",
            ChunkKind::Input => "stdin-echo",
        }
    }
}

impl From<Stream> for ChunkKind {
    fn from(stream: Stream) -> Self {
        match stream {
            Stream::Stdout => ChunkKind::Stdout,
            Stream::Stderr => ChunkKind::Stderr,
        }
    }
}

/// A stretch of output of one kind.
#[derive(Clone, Debug, PartialEq)]
pub struct Chunk {
    pub kind: ChunkKind,
    pub text: String,
}

/// Appends `text` to the last chunk if it is of the same kind, else as a new chunk.
pub fn push(chunks: &mut Vec<Chunk>, kind: ChunkKind, text: &str) {
    match chunks.last_mut() {
        Some(last) if last.kind == kind => last.text.push_str(text),
        _ => chunks.push(Chunk {
            kind,
            text: text.to_owned(),
        }),
    }
}

/// Drops the oldest output until at most `max_lines` lines and `max_bytes` bytes remain;
/// returns whether anything was dropped.
pub fn trim(chunks: &mut Vec<Chunk>, max_lines: usize, max_bytes: usize) -> bool {
    let lines: usize = chunks.iter().map(|c| c.text.matches('\n').count()).sum();
    let bytes: usize = chunks.iter().map(|c| c.text.len()).sum();
    let (mut excess_lines, mut excess_bytes) = (
        lines.saturating_sub(max_lines),
        bytes.saturating_sub(max_bytes),
    );
    if excess_lines == 0 && excess_bytes == 0 {
        return false;
    }
    while let Some(first) = chunks.first_mut() {
        if excess_lines == 0 && excess_bytes == 0 {
            break;
        }
        // Cut after the `excess_lines`-th newline, and at least `excess_bytes` bytes in.
        let mut cut = 0;
        let mut newlines = 0;
        for (at, c) in first.text.char_indices() {
            if newlines >= excess_lines && at >= excess_bytes {
                break;
            }
            cut = at + c.len_utf8();
            newlines += usize::from(c == '\n');
        }
        excess_lines -= newlines.min(excess_lines);
        excess_bytes = excess_bytes.saturating_sub(cut);
        if cut >= first.text.len() {
            chunks.remove(0);
        } else {
            first.text.drain(..cut);
        }
    }
    true
}

/// The output of `chunks` in a sentence short enough to be read aloud: all of it when it is
/// a few short lines, else how many lines there are and the last one.
pub fn announce_output(chunks: &[Chunk]) -> String {
    const SHORT: usize = 160;
    let text: String = chunks.iter().map(|chunk| chunk.text.as_str()).collect();
    let text = text.trim_end_matches('\n');
    if text.trim().is_empty() {
        return "No output.".to_owned();
    }
    let lines = text.lines().count();
    if lines <= 3 && text.chars().count() <= SHORT {
        return format!("Output: {}", text.replace('\n', ". "));
    }
    let last = text.lines().last().unwrap_or_default();
    let last: String = if last.chars().count() > SHORT {
        let cut: String = last.chars().take(SHORT).collect();
        format!("{cut}…")
    } else {
        last.to_owned()
    };
    format!("{lines} lines of output, ending with: {last}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_is_announced_whole_when_short_and_summed_up_when_long() {
        let long: String = (0..3000).map(|i| format!("{i}\n")).collect();
        let cases = [
            (vec![], "No output."),
            (vec![chunk(ChunkKind::Stdout, "42\nhi\n")], "Output: 42. hi"),
            (
                vec![chunk(ChunkKind::Stdout, &long)],
                "3000 lines of output, ending with: 2999",
            ),
        ];
        for (chunks, heard) in cases {
            assert_eq!(announce_output(&chunks), heard);
        }
        let wide = vec![chunk(ChunkKind::Stdout, &"x".repeat(1000))];
        assert!(announce_output(&wide).chars().count() < 220);
    }

    fn chunk(kind: ChunkKind, text: &str) -> Chunk {
        Chunk {
            kind,
            text: text.to_owned(),
        }
    }

    #[test]
    fn trimming_keeps_the_newest_lines() {
        let mut chunks = vec![
            chunk(ChunkKind::Stdout, "1\n2\n"),
            chunk(ChunkKind::Stderr, "3\n"),
            chunk(ChunkKind::Stdout, "4\n5\n"),
        ];
        assert!(trim(&mut chunks, 2, 1000));
        assert_eq!(chunks, vec![chunk(ChunkKind::Stdout, "4\n5\n")]);
        assert!(!trim(&mut chunks, 2, 1000));
    }

    #[test]
    fn trimming_cuts_inside_a_chunk_at_a_character_boundary() {
        let mut chunks = vec![chunk(ChunkKind::Stdout, "ééééé")];
        assert!(trim(&mut chunks, 100, 4));
        assert_eq!(chunks, vec![chunk(ChunkKind::Stdout, "éé")]);
    }

    #[test]
    fn pushing_merges_runs_of_one_kind() {
        let mut chunks = Vec::new();
        push(&mut chunks, ChunkKind::Stdout, "a");
        push(&mut chunks, ChunkKind::Stdout, "b");
        push(&mut chunks, ChunkKind::Input, "c\n");
        assert_eq!(
            chunks,
            vec![
                chunk(ChunkKind::Stdout, "ab"),
                chunk(ChunkKind::Input, "c\n")
            ]
        );
    }
}
