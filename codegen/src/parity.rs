//! The parity check: every public field and decoder of a core model has its C accessor in
//! `include/finesse.h` and its Python property in the stub (which stubtest holds to the
//! module), unless `presentation::EXCEPTIONS` says why not.

use std::collections::{BTreeMap, BTreeSet};

use crate::presentation::{Binding, EXCEPTIONS, c_owned_list_type, c_param, py_class, shown};
use crate::source::{Kind, Model, Shape};

/// What the bindings lack, one line each; empty when at parity.
pub fn check(models: &[Model], header: &str, stub: &str) -> Vec<String> {
    let c = c_functions(header);
    let py = python_members(stub);
    let mut missing = Vec::new();
    for e in EXCEPTIONS {
        let known = models.iter().any(|m| {
            m.name == e.model && e.field.is_none_or(|f| m.fields.iter().any(|x| x.name == f))
        });
        if !known {
            missing.push(format!(
                "exception for {}{} names nothing in core",
                e.model,
                e.field.map(|f| format!("::{f}")).unwrap_or_default()
            ));
        }
    }
    for model in models {
        let param = c_param(&model.name);
        let class = py_class(&model.name);
        let members = py.get(class);
        let mut expect_c = |name: String, what: &str| {
            if !c.contains(&name) {
                missing.push(format!("C: no {name} for {what}"));
            }
        };
        if shown(Binding::C, &model.name, None) {
            for field in &model.fields {
                if !shown(Binding::C, &model.name, Some(&field.name)) {
                    continue;
                }
                let what = format!("{}::{}", model.name, field.name);
                let function = format!("finesse_{param}_{}", field.name);
                let is_list = field.ty.shape == Shape::List
                    && !matches!(field.ty.kind, Kind::Integer | Kind::Boolean);
                if is_list {
                    expect_c(format!("{function}_count"), &what);
                    expect_c(format!("{function}_get"), &what);
                } else {
                    expect_c(function, &what);
                }
            }
            if model.from_xml {
                expect_c(
                    format!("finesse_{param}_from_xml"),
                    &format!("{}::from_xml", model.name),
                );
            }
            if model.list_from_xml {
                let what = format!("{}::list_from_xml", model.name);
                expect_c(format!("finesse_{param}_list_from_xml"), &what);
                expect_c(format!("{}_get", c_owned_list_type(&model.name)), &what);
            }
        }
        if shown(Binding::Python, &model.name, None) {
            let mut expect_py = |member: &str, what: String| {
                if !members.is_some_and(|m| m.contains(member)) {
                    missing.push(format!("Python: no {class}.{member} for {what}"));
                }
            };
            for field in &model.fields {
                if shown(Binding::Python, &model.name, Some(&field.name)) {
                    expect_py(&field.name, format!("{}::{}", model.name, field.name));
                }
            }
            if model.from_xml {
                expect_py("from_xml", format!("{}::from_xml", model.name));
            }
            if model.list_from_xml {
                expect_py("list_from_xml", format!("{}::list_from_xml", model.name));
            }
        }
    }
    missing
}

/// The functions `include/finesse.h` declares.
fn c_functions(header: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for (i, _) in header.match_indices("finesse_") {
        let rest = &header[i..];
        let end = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        if rest[end..].starts_with('(') {
            names.insert(rest[..end].to_owned());
        }
    }
    names
}

/// The members (`def` names) of each class of the stub.
fn python_members(stub: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut classes: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in stub.lines() {
        if let Some(rest) = line.strip_prefix("class ") {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            classes.entry(name.clone()).or_default();
            current = Some(name);
        } else if !line.starts_with(' ') && !line.is_empty() && !line.starts_with('@') {
            current = None;
        } else if let (Some(class), Some(def)) = (&current, line.trim_start().strip_prefix("def "))
        {
            let name: String = def
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            classes.entry(class.clone()).or_default().insert(name);
        }
    }
    classes
}
