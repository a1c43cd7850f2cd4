//! The engine's layers import one way only: `formats` → `rules` → `model`,
//! and none of them the browser or the UI. Read from the source text, so a
//! new `use` of a higher layer fails here before anyone builds on it.

use std::path::{Path, PathBuf};

/// What a file of each layer must not name.
fn forbidden(layer: &str) -> Vec<&'static str> {
    let mut v = vec![
        "crate::app",
        "crate::services",
        "yew::",
        "web_sys",
        "js_sys",
        "gloo",
        "wasm_bindgen",
        "super::super",
    ];
    match layer {
        "model" => v.extend(["rules::", "formats::", "serde_json", "sha2::"]),
        "rules" => v.extend(["formats::", "serde_json", "sha2::"]),
        _ => {}
    }
    v
}

/// The lines of `text` (outside comments) naming something forbidden.
fn violations(text: &str, bad: &[&str]) -> Vec<String> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim_start().starts_with("//"))
        .flat_map(|(i, l)| {
            bad.iter()
                .filter(move |b| l.contains(*b))
                .map(move |b| format!("line {}: `{b}` in {}", i + 1, l.trim()))
        })
        .collect()
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(rust_files(&p));
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
    out
}

#[test]
fn lower_layers_never_import_higher_ones() {
    let engine = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/engine");
    let mut found = Vec::new();
    let mut files = 0;
    for layer in ["model", "rules", "formats"] {
        let bad = forbidden(layer);
        for f in rust_files(&engine.join(layer)) {
            files += 1;
            let text = std::fs::read_to_string(&f).unwrap();
            for v in violations(&text, &bad) {
                found.push(format!("{}: {v}", f.display()));
            }
        }
    }
    let root = std::fs::read_to_string(engine.join("mod.rs")).unwrap();
    for v in violations(&root, &forbidden("engine")) {
        found.push(format!("engine/mod.rs: {v}"));
    }
    assert!(files >= 15, "only {files} engine files found");
    assert!(found.is_empty(), "layering broken:\n{}", found.join("\n"));
}

#[test]
fn the_check_catches_a_higher_import() {
    let text = "use crate::engine::formats::json;\n// use crate::engine::formats::x; (a comment)\nfn f() {}\n";
    assert_eq!(violations(text, &forbidden("rules")).len(), 1);
    assert_eq!(violations(text, &forbidden("formats")).len(), 0);
    assert_eq!(
        violations("use yew::prelude::*;", &forbidden("formats")).len(),
        1
    );
    assert_eq!(
        violations("use crate::engine::rules::score;", &forbidden("model")).len(),
        1
    );
    // The hashing crate is forbidden below `formats`; a field named after
    // the digest it holds is not.
    assert_eq!(
        violations("use sha2::{Digest, Sha256};", &forbidden("rules")).len(),
        1
    );
    assert_eq!(
        violations("    pub revision_sha256: String,", &forbidden("model")).len(),
        0
    );
}
