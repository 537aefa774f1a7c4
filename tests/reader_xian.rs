#![cfg(not(target_arch = "wasm32"))]
//! The Xi'an article against its hand-made dataset: every figure the article writes with a number is found with the dataset's value, kind, unit, qualifier, notation and sentence, and nothing else is.

use revitalization_infographic::reader::{figures, Kind, Notation, Qualifier};

/// Where the article and dataset live (in the repository: "../data/").
macro_rules! data_dir {
    () => {
        "../data/"
    };
}

const ARTICLE: &str = include_str!(concat!(data_dir!(), "xian-2022.article.txt"));
const DATASET: &str = include_str!(concat!(data_dir!(), "xian-2022.json"));

#[test]
fn every_written_figure_of_the_dataset_is_found_and_nothing_else() {
    let dataset: serde_json::Value = serde_json::from_str(DATASET).expect("dataset parses");
    let mut want = Vec::new();
    for section in dataset["sections"].as_array().into_iter().flatten() {
        for f in section["figures"].as_array().into_iter().flatten() {
            if f.get("wording").is_some() {
                continue; // 全覆盖: written in words, not with a number.
            }
            want.push((
                f["id"].as_str().unwrap_or(""),
                f["value"].as_f64().unwrap_or(f64::NAN),
                Kind::parse(f["kind"].as_str().unwrap_or("")).expect("kind"),
                f["unit"]["zh"].as_str().unwrap_or(""),
                Qualifier::parse(f["qualifier"].as_str().unwrap_or("")).expect("qualifier"),
                Notation::parse(f["notation"].as_str().unwrap_or("")).expect("notation"),
                f["source"].as_str().unwrap_or(""),
            ));
        }
    }
    assert_eq!(
        want.len(),
        34,
        "the dataset's figures written with a number"
    );
    let found = figures(ARTICLE);
    let mut used = vec![false; found.len()];
    let mut missing = Vec::new();
    for &(id, value, kind, unit, qualifier, notation, source) in &want {
        let hit = found.iter().enumerate().position(|(i, f)| {
            !used[i]
                && f.value == value
                && f.kind == kind
                && f.unit == unit
                && f.qualifier == qualifier
                && f.notation == notation
                && f.sentence == source
        });
        match hit {
            Some(i) => used[i] = true,
            None => missing.push(id),
        }
    }
    let extra: Vec<&str> = found
        .iter()
        .zip(&used)
        .filter(|(_, u)| !**u)
        .map(|(f, _)| f.written)
        .collect();
    assert!(
        missing.is_empty(),
        "not found as the dataset has them: {missing:?}"
    );
    assert!(
        extra.is_empty(),
        "figures the dataset does not have: {extra:?}"
    );
    for f in &found {
        assert!(ARTICLE.contains(f.sentence));
        assert_eq!(ARTICLE.get(f.span.clone()), Some(f.written));
    }
}
