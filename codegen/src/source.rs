//! The one description of the model: the public structs of `core/src/model`, read with `syn`
//! as they are written, with their fields, types, doc comments and decoders.

use std::fs;
use std::path::Path;

use syn::{
    Attribute, Expr, Fields, GenericArgument, ImplItem, Item, Lit, PathArguments, Type, Visibility,
};

/// A public model struct of core.
#[derive(Debug, Clone)]
pub struct Model {
    /// The Rust name, e.g. `MediaProperties`.
    pub name: String,
    /// Its doc comment, one paragraph per element.
    pub doc: String,
    /// Its public fields, in declaration order.
    pub fields: Vec<Field>,
    /// Whether core has `Model::from_xml`.
    pub from_xml: bool,
    /// Whether core has `Model::list_from_xml`.
    pub list_from_xml: bool,
    /// Whether core has public methods on a `Model` value (`&self`), which bindings call.
    pub has_methods: bool,
    /// Whether the struct derives `Default`.
    pub default: bool,
}

/// A public field of a model.
#[derive(Debug, Clone)]
pub struct Field {
    /// The Rust name, e.g. `call_variables`.
    pub name: String,
    /// Its doc comment.
    pub doc: String,
    /// Its type.
    pub ty: FieldType,
}

/// A field's type: a value kind, alone, optional or in a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldType {
    /// One value, an `Option` or a `Vec`.
    pub shape: Shape,
    /// What the value is.
    pub kind: Kind,
}

/// How many values a field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Exactly one.
    One,
    /// `Option<_>`.
    Optional,
    /// `Vec<_>`.
    List,
}

/// The kind of a field's values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// `String`.
    Text,
    /// `i64`.
    Integer,
    /// `bool`.
    Boolean,
    /// A wire enumeration of `core/src/model/enums.rs` (shown as its wire string).
    Enum(String),
    /// Another model.
    Model(String),
}

/// Reads every public model of `core/src/model` under `core`, sorted by name.
pub fn read(core: &Path) -> Result<Vec<Model>, String> {
    let dir = core.join("src/model");
    let mut files = Vec::new();
    for entry in fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.extension().is_some_and(|e| e == "rs") {
            let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            files.push((
                syn::parse_file(&text).map_err(|e| format!("{}: {e}", path.display()))?,
                text,
            ));
        }
    }
    let enums: Vec<String> = files
        .iter()
        .flat_map(|(_, text)| enum_names(text))
        .collect();
    let structs: Vec<&syn::ItemStruct> = files
        .iter()
        .flat_map(|(file, _)| &file.items)
        .filter_map(|item| match item {
            Item::Struct(s) if matches!(s.vis, Visibility::Public(_)) => Some(s),
            _ => None,
        })
        .collect();
    let names: Vec<String> = structs.iter().map(|s| s.ident.to_string()).collect();
    let mut models = Vec::new();
    for s in structs {
        let name = s.ident.to_string();
        let Fields::Named(named) = &s.fields else {
            continue;
        };
        let mut fields = Vec::new();
        for f in named
            .named
            .iter()
            .filter(|f| matches!(f.vis, Visibility::Public(_)))
        {
            let field = f
                .ident
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default();
            let ty =
                field_type(&f.ty, &enums, &names).map_err(|e| format!("{name}::{field}: {e}"))?;
            fields.push(Field {
                name: field,
                doc: doc(&f.attrs),
                ty,
            });
        }
        // The public functions of the model's impl blocks, in any file.
        let functions: Vec<&syn::ImplItemFn> = files
            .iter()
            .flat_map(|(file, _)| &file.items)
            .filter_map(|item| match item {
                Item::Impl(i) if type_name(&i.self_ty).as_deref() == Some(name.as_str()) => {
                    Some(&i.items)
                }
                _ => None,
            })
            .flatten()
            .filter_map(|it| match it {
                ImplItem::Fn(f) if matches!(f.vis, Visibility::Public(_)) => Some(f),
                _ => None,
            })
            .collect();
        let has = |method: &str| functions.iter().any(|f| f.sig.ident == method);
        let has_methods = functions.iter().any(|f| f.sig.receiver().is_some());
        models.push(Model {
            has_methods,
            default: derives(&s.attrs, "Default"),
            doc: doc(&s.attrs),
            fields,
            from_xml: has("from_xml"),
            list_from_xml: has("list_from_xml"),
            name,
        });
    }
    models.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(models)
}

/// The enumerations declared with `wire_enum!` (a macro body, which `syn` does not expand).
fn enum_names(text: &str) -> Vec<String> {
    text.split("pub enum ")
        .skip(1)
        .filter_map(|rest| {
            let name: String = rest.chars().take_while(|c| c.is_alphanumeric()).collect();
            (!name.is_empty()).then_some(name)
        })
        .collect()
}

/// Whether the attributes derive `name`.
fn derives(attrs: &[Attribute], name: &str) -> bool {
    attrs
        .iter()
        .filter(|a| a.path().is_ident("derive"))
        .any(|a| {
            let mut found = false;
            let _ = a.parse_nested_meta(|meta| {
                found |= meta.path.is_ident(name);
                Ok(())
            });
            found
        })
}

/// The doc comment of an item, its lines joined; paragraphs stay separated by a blank line.
fn doc(attrs: &[Attribute]) -> String {
    let lines: Vec<String> = attrs
        .iter()
        .filter(|a| a.path().is_ident("doc"))
        .filter_map(|a| match &a.meta {
            syn::Meta::NameValue(nv) => match &nv.value {
                Expr::Lit(syn::ExprLit {
                    lit: Lit::Str(s), ..
                }) => Some(s.value().trim().to_owned()),
                _ => None,
            },
            _ => None,
        })
        .collect();
    lines
        .split(|l| l.is_empty())
        .map(|p| p.join(" "))
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The last path segment of a type, e.g. `User` for `model::User`.
fn type_name(ty: &Type) -> Option<String> {
    match ty {
        Type::Path(p) => p.path.segments.last().map(|s| s.ident.to_string()),
        _ => None,
    }
}

/// Classifies a field's Rust type.
fn field_type(ty: &Type, enums: &[String], structs: &[String]) -> Result<FieldType, String> {
    let Type::Path(path) = ty else {
        return Err("unsupported type".to_owned());
    };
    let last = path.path.segments.last().ok_or("empty type path")?;
    let ident = last.ident.to_string();
    let shape = match ident.as_str() {
        "Option" => Shape::Optional,
        "Vec" => Shape::List,
        _ => {
            return kind(&ident, enums, structs).map(|kind| FieldType {
                shape: Shape::One,
                kind,
            });
        }
    };
    let PathArguments::AngleBracketed(args) = &last.arguments else {
        return Err(format!("{ident} without a type argument"));
    };
    let Some(GenericArgument::Type(inner)) = args.args.first() else {
        return Err(format!("{ident} without a type argument"));
    };
    let inner = type_name(inner).ok_or("unsupported inner type")?;
    Ok(FieldType {
        shape,
        kind: kind(&inner, enums, structs)?,
    })
}

fn kind(ident: &str, enums: &[String], structs: &[String]) -> Result<Kind, String> {
    Ok(match ident {
        "String" => Kind::Text,
        "i64" => Kind::Integer,
        "bool" => Kind::Boolean,
        _ if enums.iter().any(|e| e == ident) => Kind::Enum(ident.to_owned()),
        _ if structs.iter().any(|s| s == ident) => Kind::Model(ident.to_owned()),
        _ => {
            return Err(format!(
                "type {ident} has no C or Python form yet: teach codegen"
            ));
        }
    })
}
