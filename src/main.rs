//! Pylings: a Python course and playground that runs entirely in the browser.
//!
//! The page renders the course (compiled in at build time from `content/`) and sends learner
//! code to a Web Worker running the Python engine, so the page never freezes.

mod app;
mod components;
mod course_data;
mod download;
mod embed;
mod offline;
mod pages;
mod paths;
mod progress;
mod run;
mod share;
mod turtle;
mod visualise;

fn main() {
    leptos::mount::mount_to_body(app::App);
}
