//! Reusable pieces of the pages.

pub mod blocks;
pub mod drawing;
pub mod editor;
pub mod example;
pub mod exercise;
pub mod notices;
pub mod output;
pub mod predict;
pub mod progress_panel;
pub mod quiz;
pub mod run_button;
pub mod visualiser;
pub mod workbench;
