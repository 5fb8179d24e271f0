//! Rendering Markdown to safe HTML, split at code blocks.
//!
//! pulldown-cmark parses (with tables and strikethrough) and its HTML writer
//! renders a mapped event stream:
//! - raw HTML, block or inline, becomes text, so it is escaped, never passed through;
//! - `http://` and `https://` links open in a new tab (`target="_blank" rel="noopener"`);
//! - links and images to `javascript:`, `vbscript:` and `data:` URLs are errors;
//! - top-level code blocks are cut out as [`Block::Code`];
//! - level-1 headings and stray `--marker--` headings are errors, since
//!   `# --name--` lines are section markers.

use pulldown_cmark::{
    html, CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd,
};
use pulldown_cmark_escape::{escape_href, escape_html};

use crate::chunk::{marker_name, Chunk};
use crate::codeblock::{code_block, wants_prediction};
use crate::error::Diagnostics;
use crate::model::Block;
use crate::predict;

/// Renders a chunk of Markdown to blocks, reporting problems with their lines.
///
/// Returns HTML blocks (never blank) interleaved with the top-level code
/// blocks, in source order; a blank chunk gives no blocks.
pub(crate) fn render(chunk: Chunk<'_>, diags: &mut Diagnostics) -> Vec<Block> {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut renderer = Renderer {
        chunk,
        diags,
        blocks: Vec::new(),
        html: Vec::new(),
        depth: 0,
        code: None,
        heading: None,
        awaiting_prediction: None,
    };
    for (event, range) in Parser::new_ext(chunk.text, options).into_offset_iter() {
        renderer.event(event, range.start);
    }
    renderer.finish_code();
    renderer.flush();
    renderer.end_prediction_wait();
    renderer.blocks
}

/// A top-level code block being collected.
struct OpenCode<'a> {
    kind: CodeBlockKind<'a>,
    line: usize,
    code: String,
}

/// A heading being collected, to check its level and text when it ends.
struct OpenHeading {
    line: usize,
    text: String,
}

struct Renderer<'a, 'd> {
    chunk: Chunk<'a>,
    diags: &'d mut Diagnostics,
    /// Blocks finished so far.
    blocks: Vec<Block>,
    /// Events of the HTML block under way.
    html: Vec<Event<'a>>,
    /// How many tags of the source are open.
    depth: usize,
    code: Option<OpenCode<'a>>,
    heading: Option<OpenHeading>,
    /// Index in `blocks` of a ```` ```py predict ```` block whose ```` ```predict ```` fence
    /// must come next.
    awaiting_prediction: Option<usize>,
}

/// Whether a link to `url` could run script in the page.
/// Browsers ignore whitespace and control characters in the scheme, so they are ignored here too.
fn is_unsafe_url(url: &str) -> bool {
    let url: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect();
    let scheme = url
        .split_once(':')
        .map(|(scheme, _)| scheme.to_ascii_lowercase());
    matches!(scheme.as_deref(), Some("javascript" | "vbscript" | "data"))
}

/// The opening tag of a link that opens in a new tab.
fn external_link(url: &str, title: &str) -> String {
    let mut html = String::from("<a href=\"");
    // Writing to a String cannot fail.
    let _ = escape_href(&mut html, url);
    if !title.is_empty() {
        html.push_str("\" title=\"");
        let _ = escape_html(&mut html, title);
    }
    html.push_str("\" target=\"_blank\" rel=\"noopener\">");
    html
}

impl<'a> Renderer<'a, '_> {
    /// Handles one event that starts at byte `offset` of the chunk.
    fn event(&mut self, event: Event<'a>, offset: usize) {
        if let Some(code) = &mut self.code {
            match event {
                Event::Text(text) => code.code.push_str(&text),
                _ => self.finish_code(),
            }
            return;
        }
        let chunk = self.chunk;
        let line = move || chunk.line_at(offset);
        let top_level = self.depth == 0;
        match event {
            Event::Start(_) => self.depth += 1,
            Event::End(_) => self.depth = self.depth.saturating_sub(1),
            _ => {}
        }
        let event = match event {
            Event::Start(Tag::CodeBlock(kind)) if top_level => {
                // Its end event is taken by `finish_code`.
                self.depth = 0;
                self.code = Some(OpenCode {
                    kind,
                    line: line(),
                    code: String::new(),
                });
                return;
            }
            Event::Start(tag @ Tag::CodeBlock(_)) => {
                let message = "code block inside a list or quote: put code blocks at the top level";
                self.diags.error(line(), message);
                Event::Start(tag)
            }
            Event::Start(Tag::HtmlBlock) => Event::Start(Tag::Paragraph),
            Event::End(TagEnd::HtmlBlock) => Event::End(TagEnd::Paragraph),
            Event::Html(html) | Event::InlineHtml(html) => Event::Text(html),
            Event::Start(tag @ Tag::Heading { .. }) => {
                self.heading = Some(OpenHeading {
                    line: line(),
                    text: String::new(),
                });
                Event::Start(tag)
            }
            Event::End(TagEnd::Heading(level)) => {
                self.check_heading(level);
                Event::End(TagEnd::Heading(level))
            }
            Event::Start(Tag::Link {
                dest_url,
                title,
                link_type,
                id,
            }) => {
                let dest_url = self.checked_url(dest_url, line);
                if dest_url.starts_with("http://") || dest_url.starts_with("https://") {
                    Event::Html(external_link(&dest_url, &title).into())
                } else {
                    Event::Start(Tag::Link {
                        dest_url,
                        title,
                        link_type,
                        id,
                    })
                }
            }
            Event::Start(Tag::Image {
                dest_url,
                title,
                link_type,
                id,
            }) => {
                let dest_url = self.checked_url(dest_url, line);
                Event::Start(Tag::Image {
                    dest_url,
                    title,
                    link_type,
                    id,
                })
            }
            other => other,
        };
        if let (Some(heading), Event::Text(text) | Event::Code(text)) = (&mut self.heading, &event)
        {
            heading.text.push_str(text);
        }
        self.html.push(event);
    }

    /// `url`, or `#` (and an error at `line()`) if it could run script.
    fn checked_url(&mut self, url: CowStr<'a>, line: impl Fn() -> usize) -> CowStr<'a> {
        if !is_unsafe_url(&url) {
            return url;
        }
        self.diags.error(line(), format!("unsafe link to `{url}`"));
        CowStr::Borrowed("#")
    }

    /// Reports a level-1 heading or a marker heading that reached the renderer.
    fn check_heading(&mut self, level: HeadingLevel) {
        let Some(heading) = self.heading.take() else {
            return;
        };
        if let Some(name) = marker_name(&heading.text) {
            self.diags
                .error(heading.line, format!("misplaced marker `--{name}--`"));
        } else if level == HeadingLevel::H1 {
            self.diags.error(
                heading.line,
                format!(
                    "level-1 heading `{}`: only section markers like `# --description--` may be level 1; use `##`",
                    heading.text.trim()
                ),
            );
        }
    }

    /// Ends the code block under way (its end event is the only non-text
    /// event it can receive) and adds it to the blocks, or, for a ```` ```predict ```` fence,
    /// gives the block before it its [`Prediction`](crate::Prediction).
    fn finish_code(&mut self) {
        let Some(OpenCode { kind, line, code }) = self.code.take() else {
            return;
        };
        self.flush();
        let info = match kind {
            CodeBlockKind::Fenced(info) => info,
            CodeBlockKind::Indented => "".into(),
        };
        if info.split_whitespace().next() == Some(predict::FENCE) {
            self.attach_prediction(&code, line);
            return;
        }
        self.end_prediction_wait();
        let wants = wants_prediction(&info);
        let block = code_block(&info, code, line, self.diags);
        self.blocks.push(Block::Code(block));
        if wants {
            self.awaiting_prediction = Some(self.blocks.len() - 1);
        }
    }

    /// Parses a ```` ```predict ```` fence at `line` into the waiting block's prediction.
    fn attach_prediction(&mut self, body: &str, line: usize) {
        let Some(Block::Code(block)) = self
            .awaiting_prediction
            .take()
            .and_then(|index| self.blocks.get(index))
        else {
            let message = "a ```predict block must come directly after a ```py predict block";
            self.diags.error(line, message);
            return;
        };
        let prediction = predict::parse(body, line, block, self.diags);
        if let Some(Block::Code(block)) = self.blocks.last_mut() {
            block.predict = prediction.map(Box::new);
        }
    }

    /// Reports a ```` ```py predict ```` block left without its ```` ```predict ```` fence.
    fn end_prediction_wait(&mut self) {
        let Some(Block::Code(block)) = self
            .awaiting_prediction
            .take()
            .and_then(|index| self.blocks.get(index))
        else {
            return;
        };
        let message = "a ```py predict block must be followed directly by a ```predict block \
                       with its choices and explanation";
        self.diags.error(block.line, message);
    }

    /// Renders the pending HTML events into a block, unless they are blank.
    fn flush(&mut self) {
        let mut html = String::new();
        html::push_html(&mut html, self.html.drain(..));
        if !html.trim().is_empty() {
            self.end_prediction_wait();
            self.blocks.push(Block::Html(html));
        }
    }
}
