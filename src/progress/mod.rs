//! The learner's progress: the document and its merge rules ([`model`]), loading and saving
//! without ever losing data ([`store`]), and the page's handle on it ([`browser`]).

pub mod autosave;
pub mod browser;
pub mod derived;
pub mod model;
pub mod store;
