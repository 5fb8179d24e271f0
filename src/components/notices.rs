//! Messages about the learner's progress that they must see: unreadable data (kept, and
//! downloadable), a document from a newer version, or storage that does not keep anything.

use leptos::prelude::*;

use crate::download::download;
use crate::progress::browser as progress;
use crate::progress::store::{Notice, StorageError};

#[component]
pub fn ProgressNotices() -> impl IntoView {
    move || {
        progress::notices()
            .into_iter()
            .enumerate()
            .map(|(index, notice)| {
                let (text, raw) = describe(notice);
                let save = raw.map(|raw| {
                    view! {
                        <button type="button" class="secondary" on:click=move |_| download("pylings-progress-backup.json", "application/json", &raw)>
                            "Download the unreadable data"
                        </button>
                    }
                });
                view! {
                    <div class="notice" role="status">
                        <p>{text}</p>
                        {save}
                        <button type="button" class="secondary" on:click=move |_| progress::dismiss(index)>"Dismiss"</button>
                    </div>
                }
            })
            .collect_view()
    }
}

fn describe(notice: Notice) -> (String, Option<String>) {
    match notice {
        Notice::Corrupt { backup_key, raw } => {
            let kept = backup_key
                .map(|key| format!(" It is kept in this browser under \"{key}\"."))
                .unwrap_or_default();
            (format!("Your saved progress could not be read, so Pylings started afresh.{kept} You can download it below."), Some(raw))
        }
        Notice::Newer { version } => (
            format!("Your progress was saved by a newer version of Pylings (format {version}). It is shown as far as this version understands it, and left untouched: changes you make now are not saved."),
            None,
        ),
        Notice::NotSaved(StorageError::Blocked) => (
            "This browser does not let Pylings store anything here (for example in an embedded page or a private window), so your progress will not be kept after you leave. Everything works for this visit.".to_owned(),
            None,
        ),
        Notice::NotSaved(StorageError::Full) => (
            "This browser's storage is full, so new progress will not be kept after you leave. Everything works for this visit.".to_owned(),
            None,
        ),
    }
}
