//! Ids and references across a typed dataset: one namespace for figures and relations, unique section ids, every reference pointing at something that exists.

use super::check::{shorten, Checker, Path};
use super::Dataset;
use crate::dataset::schema::relation_inputs;

fn at(c: &mut Checker, path: String, message: String) {
    c.errors.push(super::ValidationError { path, message });
}

pub fn check(ds: &Dataset, c: &mut Checker) {
    // Paths are written only for a duplicate: a dataset may hold tens of thousands of ids.
    for (s, section) in ds.sections.iter().enumerate() {
        for (f, figure) in section.figures.iter().enumerate() {
            if let Some((s0, f0)) = ds.index.get(figure.id.as_str()) {
                if (s0, f0) != (s, f) {
                    at(
                        c,
                        format!("sections[{s}].figures[{f}].id"),
                        format!(
                            "duplicate id \"{}\" (first used at sections[{s0}].figures[{f0}].id)",
                            figure.id
                        ),
                    );
                }
            }
        }
    }
    let mut relation_ids = crate::idmap::IdMap::new();
    for (r, relation) in ds.relations.iter().enumerate() {
        let first = match (
            ds.index.get(relation.id.as_str()),
            relation_ids.get(relation.id.as_str()),
        ) {
            (Some((s0, f0)), _) => Some(format!("sections[{s0}].figures[{f0}].id")),
            (None, Some((r0, _))) => Some(format!("relations[{r0}].id")),
            (None, None) => None,
        };
        match first {
            Some(first) => at(
                c,
                format!("relations[{r}].id"),
                format!("duplicate id \"{}\" (first used at {first})", relation.id),
            ),
            None => {
                relation_ids.entry(&relation.id, (r, 0));
            }
        }
    }
    for (i, s) in ds.sections.iter().enumerate() {
        if ds.sections.iter().take(i).any(|t| t.id == s.id) {
            at(
                c,
                format!("sections[{i}].id"),
                format!("duplicate section id \"{}\"", s.id),
            );
        }
    }
    for (r, relation) in ds.relations.iter().enumerate() {
        let names = relation_inputs(relation.kind.name()).unwrap_or(&[]);
        for ((name, _), id) in names.iter().zip(relation.kind.inputs()) {
            if !ds.index.contains_key(id) {
                at(
                    c,
                    format!("relations[{r}].{name}"),
                    format!("no figure has the id \"{}\"", shorten(id)),
                );
            }
        }
    }
    let Some(hero) = &ds.story.hero else {
        return;
    };
    let figure_refs = [
        ("figure", Some(&hero.figure)),
        ("increase", hero.increase.as_ref()),
        ("rate", hero.rate.as_ref()),
    ];
    let story = Path::Key(&Path::Root, "story");
    let hero_path = Path::Key(&story, "hero");
    for (name, id) in figure_refs {
        if let Some(id) = id.filter(|id| !ds.index.contains_key(id.as_str())) {
            c.push(
                &Path::Key(&hero_path, name),
                format!("no figure has the id \"{}\"", shorten(id)),
            );
        }
    }
    if let Some(id) = &hero.previous {
        if !ds.relations.iter().any(|r| &r.id == id) {
            c.push(
                &Path::Key(&hero_path, "previous"),
                format!("no relation has the id \"{}\"", shorten(id)),
            );
        }
    }
}
