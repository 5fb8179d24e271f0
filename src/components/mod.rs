//! Reusable pieces of the pages.

pub mod blocks;
pub mod editor;
pub mod example;
pub mod output;
pub mod run_button;
