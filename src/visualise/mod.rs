//! The visualiser's model on the page: one step of a recording (see
//! [`pylings_protocol::trace`]) laid out as boxes and arrows ([`scene`]) and put in words
//! ([`describe`]). The component that draws it is `components::visualiser`.

pub mod describe;
pub mod scene;

use pylings_protocol::trace::Trace;

/// What the program had written by step `index`: the first [`Step::out`] characters (Python's
/// count, code points) of the recording's output.
///
/// [`Step::out`]: pylings_protocol::trace::Step::out
pub fn printed(trace: &Trace, index: usize) -> &str {
    let chars = trace.steps[index].out;
    let end = trace
        .output
        .char_indices()
        .nth(chars)
        .map_or(trace.output.len(), |(at, _)| at);
    &trace.output[..end]
}

#[cfg(test)]
mod tests;
