//! The visualiser's model on the page: one step of a recording (see
//! [`pylings_protocol::trace`]) laid out as boxes and arrows ([`scene`]) and put in words
//! ([`describe`]). The component that draws it is `components::visualiser`.

pub mod describe;
pub mod scene;

#[cfg(test)]
mod tests;
