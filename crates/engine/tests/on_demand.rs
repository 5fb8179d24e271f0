//! The standard library beyond the frozen part: fetched through the host on first import.

use std::sync::{Arc, Mutex};

use pylings_engine::{Engine, Host, NativeHost, RunOptions, Stream};

/// A [`NativeHost`] that records the bundles asked for (prefetches with a `prefetch:` prefix),
/// and fails while `offline` is set.
#[derive(Default)]
struct RecordingHost {
    inner: NativeHost,
    fetched: Arc<Mutex<Vec<String>>>,
    offline: Arc<Mutex<bool>>,
}

impl Host for RecordingHost {
    fn wall_clock(&self) -> f64 {
        self.inner.wall_clock()
    }
    fn monotonic(&self) -> f64 {
        self.inner.monotonic()
    }
    fn sleep(&self, seconds: f64) {
        self.inner.sleep(seconds)
    }
    fn write(&self, stream: Stream, text: &str) {
        self.inner.write(stream, text)
    }
    fn fetch_stdlib(&self, file: &str) -> Result<String, String> {
        if *self.offline.lock().unwrap() {
            return Err("network error".to_owned());
        }
        self.fetched.lock().unwrap().push(file.to_owned());
        self.inner.fetch_stdlib(file)
    }
    fn prefetch_stdlib(&self, files: &[String]) {
        let mut fetched = self.fetched.lock().unwrap();
        fetched.extend(files.iter().map(|file| format!("prefetch:{file}")));
    }
}

/// Runs `work` on an engine with a [`RecordingHost`], handing it the list of fetched bundles
/// and the offline switch.
fn with_recording_engine<T: Send + 'static>(
    work: impl FnOnce(&mut Engine, &Mutex<Vec<String>>, &Mutex<bool>) -> T + Send + 'static,
) -> T {
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            let host = RecordingHost::default();
            let (fetched, offline) = (host.fetched.clone(), host.offline.clone());
            let mut engine = Engine::new(Box::new(host));
            work(&mut engine, &fetched, &offline)
        })
        .expect("spawn engine thread")
        .join()
        .expect("engine thread")
}

/// Top-level names of the bundles fetched so far (`json-0123….json` → `json`), emptying the list;
/// prefetches are left out.
fn take_tops(fetched: &Mutex<Vec<String>>) -> Vec<String> {
    std::mem::take(&mut *fetched.lock().unwrap())
        .iter()
        .filter(|file| !file.starts_with("prefetch:"))
        .map(|file| file.rsplit_once('-').unwrap().0.to_owned())
        .collect()
}

#[test]
fn an_import_asks_ahead_for_the_bundles_it_will_fetch() {
    let log = with_recording_engine(|engine, fetched, _| {
        let outcome = engine.run("import asyncio, unittest");
        assert_eq!(outcome.error, None);
        std::mem::take(&mut *fetched.lock().unwrap())
    });
    // Each bundle fetched was asked for ahead, by the first fetch of its import chain, except
    // the first of each chain and those only imported inside functions or `try:` blocks.
    let fetched: Vec<&String> = log.iter().filter(|f| !f.starts_with("prefetch:")).collect();
    let ahead = fetched
        .iter()
        .filter(|file| log.contains(&format!("prefetch:{file}")))
        .count();
    assert!(fetched.len() > 20, "{fetched:?}");
    assert!(
        ahead * 10 >= fetched.len() * 8,
        "only {ahead} of {} fetched bundles were asked for ahead: {log:?}",
        fetched.len()
    );
    // Few are asked for in vain, and none twice.
    let prefetched: Vec<&String> = log.iter().filter(|f| f.starts_with("prefetch:")).collect();
    assert!(
        prefetched.len() * 10 <= fetched.len() * 12,
        "{} asked ahead for {} fetched: {log:?}",
        prefetched.len(),
        fetched.len()
    );
    let unique: std::collections::BTreeSet<_> = prefetched.iter().collect();
    assert_eq!(unique.len(), prefetched.len());
}

#[test]
fn a_first_run_fetches_no_stdlib() {
    let tops = with_recording_engine(|engine, fetched, _| {
        engine.run("print(1)");
        let replay = RunOptions {
            stdin: "Ada\n".to_owned(),
            interactive: true,
            seed: Some(7),
            ..RunOptions::default()
        };
        engine.run_with("name = input()\nprint(nme)", &replay);
        engine.run("def f(:\n    pass");
        take_tops(fetched)
    });
    assert_eq!(tops, Vec::<String>::new());
}

#[test]
fn a_module_is_fetched_once_with_its_package() {
    let (first, again, tops) = with_recording_engine(|engine, fetched, _| {
        let first = engine.run("import email.mime.text, json\nprint(json.dumps({'a': 1}))");
        let tops = take_tops(fetched);
        let again = engine.run("import json\nprint(json.__file__)");
        assert_eq!(take_tops(fetched), Vec::<String>::new());
        (first, again, tops)
    });
    assert_eq!(first.error, None);
    assert_eq!(first.stdout, "{\"a\": 1}\n");
    assert_eq!(again.stdout, "/usr/lib/python3.14/json/__init__.py\n");
    assert!(tops.contains(&"email".to_owned()) && tops.contains(&"json".to_owned()));
    let unique: std::collections::BTreeSet<_> = tops.iter().collect();
    assert_eq!(unique.len(), tops.len(), "a bundle fetched twice: {tops:?}");
}

#[test]
fn a_learners_module_shadows_a_fetched_one() {
    let outcome = with_recording_engine(|engine, _, _| {
        engine.run(
            "with open('json.py', 'w') as f:\n    f.write('WHO = \"mine\"')\nimport json\nprint(json.WHO)",
        )
    });
    assert_eq!(outcome.error, None);
    assert_eq!(outcome.stdout, "mine\n");
}

#[test]
fn turtle_is_pylings_own_and_fetches_nothing() {
    let (outcome, tops) = with_recording_engine(|engine, fetched, _| {
        let outcome = engine.run("import turtle\nturtle.forward(1)\nprint(turtle.Turtle)");
        (outcome, take_tops(fetched))
    });
    assert_eq!(outcome.error, None);
    assert_eq!(outcome.stdout, "<class 'turtle.Turtle'>\n");
    assert_eq!(
        tops,
        Vec::<String>::new(),
        "not the stdlib's turtle, which needs tkinter"
    );
}

#[test]
fn a_failed_download_is_an_import_error_and_is_tried_again() {
    let (offline_run, online_run) = with_recording_engine(|engine, _, offline| {
        *offline.lock().unwrap() = true;
        let offline_run = engine.run("import fractions");
        *offline.lock().unwrap() = false;
        (
            offline_run,
            engine.run("import fractions\nprint(fractions.Fraction(1, 3))"),
        )
    });
    let error = offline_run.error.expect("ImportError");
    assert_eq!(error.kind, "ImportError");
    assert!(
        error.message.contains("could not download fractions-"),
        "{}",
        error.message
    );
    assert!(error.message.contains("network error"), "{}", error.message);
    assert!(error.explanation.unwrap().contains("download failed"));
    assert_eq!(online_run.error, None);
    assert_eq!(online_run.stdout, "1/3\n");
}

#[test]
fn learner_code_cannot_make_the_host_fetch_other_files() {
    let (outcome, asked) = with_recording_engine(|engine, fetched, _| {
        let outcome = engine.run(
            "import _pylings_host\n_pylings_host.prefetch_stdlib(['../index.html'])\n\
             _pylings_host.fetch_stdlib('../index.html')",
        );
        (outcome, std::mem::take(&mut *fetched.lock().unwrap()))
    });
    let error = outcome.error.expect("ImportError");
    assert_eq!(error.kind, "ImportError");
    assert!(
        error.message.contains("not a stdlib bundle"),
        "{}",
        error.message
    );
    assert_eq!(asked, Vec::<String>::new());
}
