//! The layout rules that clippy cannot see. `clippy::too_many_lines` (threshold 100 in `clippy.toml`) skips code
//! written inside a macro, and every Yew page is: `#[function_component]` rewrites the function. So the same
//! count is made here over the components, and `src/domain` is held to a few files beside its folders.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

/// `clippy.toml`'s threshold, read from there so that the two never differ.
fn threshold() -> usize {
    let toml = std::fs::read_to_string(root().join("clippy.toml")).expect("clippy.toml");
    (toml.lines())
        .find_map(|l| l.strip_prefix("too-many-lines-threshold"))
        .and_then(|v| v.trim().trim_start_matches('=').trim().parse().ok())
        .expect("too-many-lines-threshold in clippy.toml")
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The lines of a function's body as clippy counts them: between the line that opens it and its closing brace,
/// without blank lines and lines that are only a comment.
fn counted(lines: &[&str]) -> usize {
    (lines.iter())
        .filter(|l| {
            let l = l.trim();
            !l.is_empty() && !l.starts_with("//")
        })
        .count()
}

/// Each `#[function_component]` in `text` with its counted lines. A component's body ends at the first line that
/// is a closing brace at the indentation of its `fn`, which is how `cargo fmt` writes every one.
fn components(text: &str) -> Vec<(String, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut found = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if !line.trim_start().starts_with("#[function_component") {
            continue;
        }
        let Some(start) = (i + 1..lines.len()).find(|&j| lines[j].contains("fn ")) else {
            continue;
        };
        let indent = &lines[start][..lines[start].len() - lines[start].trim_start().len()];
        let close = format!("{indent}}}");
        let Some(end) = (start..lines.len()).find(|&j| lines[j] == close) else {
            continue;
        };
        let name = lines[start]
            .trim()
            .split('(')
            .next()
            .unwrap_or("")
            .to_string();
        found.push((name, counted(&lines[start + 1..end])));
    }
    found
}

#[test]
fn every_component_fits_in_one_read() {
    let limit = threshold();
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    let mut too_long = Vec::new();
    let mut seen = 0;
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for (name, lines) in components(&text) {
            seen += 1;
            if lines > limit {
                let at = file.strip_prefix(root()).unwrap().display().to_string();
                too_long.push(format!("{at}: {name} has {lines} lines (at most {limit})"));
            }
        }
    }
    assert!(seen > 20, "the components were not found ({seen})");
    assert!(too_long.is_empty(), "split these:\n{}", too_long.join("\n"));
}

#[test]
fn the_count_is_clippys() {
    let long = format!(
        "#[function_component]\npub fn page() -> Html {{\n{}\n    // a comment\n\n}}\n",
        "    let a = 1;\n".repeat(101)
    );
    assert_eq!(components(&long), [("pub fn page".to_string(), 101)]);
}

/// The domain shows what it holds: its folders, and only the few files every folder uses beside them.
#[test]
fn the_domain_is_in_folders() {
    let files = std::fs::read_dir(root().join("src/domain"))
        .unwrap()
        .filter(|e| e.as_ref().unwrap().path().is_file())
        .count();
    assert!(
        files <= 12,
        "{files} files directly in src/domain (at most 12): put them in its folders"
    );
}

/// The draft's life is the editor's core's and the shelf's (`domain::editor`): the shell that carries out their
/// effects stays small, and keeps no drafts of its own in globals. (The panic screen's last saved text, in
/// `ui/web/panic.rs`, is the one global: a panic hook reaches nothing else.)
#[test]
fn the_shell_of_the_draft_holds_no_rules() {
    let session = std::fs::read_to_string(root().join("src/ui/session.rs")).unwrap();
    let lines = session.lines().count();
    assert!(
        lines <= 250,
        "src/ui/session.rs has {lines} lines (at most 250)"
    );
    let storage = std::fs::read_to_string(root().join("src/ui/web/storage.rs")).unwrap();
    assert!(
        !storage.contains("thread_local!"),
        "src/ui/web/storage.rs keeps drafts in a thread_local: they belong on the app's shelf"
    );
}
