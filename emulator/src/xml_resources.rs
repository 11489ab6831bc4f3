//! The documents of phone books, workflows and media properties layouts, with the element
//! names and order of the guide's objects: DEVNET `phonebook`, `contact`,
//! `teamresource—get-phone-books` (its example: PhoneBooks without `uri`, contacts embedded
//! as `<Contacts>`), `user—get-list-of-workflows` and `workflowaction`,
//! `mediapropertieslayout` (the 12.x object with `showInPopOver` and `uiEditable`).

use crate::release::Release;
use crate::resources::{
    Contact, LayoutEntry, MediaPropertiesLayout, PhoneBook, Workflow, WorkflowTest,
    WorkflowVariable,
};
use crate::xml_out::Xml;

/// Which of the two documented forms a list of phone books takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum BookForm {
    /// `User/<id>/PhoneBooks`: the PhoneBook object (`uri`, `name`, `type`) with its
    /// contacts embedded in lowercase `<contacts>`, as finesse.js's `getEmbeddedContacts`
    /// reads them.
    User,
    /// `TeamResource/<teamId>/PhoneBooks`: `name`, `type` and `<Contacts>`, no `uri`
    /// (DEVNET `teamresource—get-phone-books`, Example Response).
    Team,
}

/// `<PhoneBooks>` with each book and the contacts of it to list.
pub(crate) fn phone_books(books: &[(&PhoneBook, Vec<&Contact>)], form: BookForm) -> String {
    let mut x = Xml::new();
    if books.is_empty() {
        return "<PhoneBooks/>".to_owned();
    }
    x.open("PhoneBooks");
    for (book, contacts) in books {
        x.open("PhoneBook");
        if form == BookForm::User {
            x.leaf("uri", &format!("/finesse/api/PhoneBook/{}", book.id));
        }
        x.leaf("name", &book.name)
            .leaf("type", book.book_type.as_str());
        let list = match form {
            BookForm::User => "contacts",
            BookForm::Team => "Contacts",
        };
        if contacts.is_empty() {
            x.raw(&format!("<{list}/>"));
        } else {
            x.open(list);
            for c in contacts {
                contact(&mut x, book.id, c);
            }
            x.close(list);
        }
        x.close("PhoneBook");
    }
    x.close("PhoneBooks");
    x.finish()
}

fn contact(x: &mut Xml, book: u32, c: &Contact) {
    x.open("Contact")
        .leaf("firstName", &c.first_name)
        .leaf("lastName", &c.last_name)
        .leaf("phoneNumber", &c.phone_number)
        .leaf("description", &c.description)
        .leaf(
            "uri",
            &format!("/finesse/api/PhoneBook/{book}/Contact/{}", c.id),
        )
        .close("Contact");
}

/// `<Workflows>` with each workflow.
pub(crate) fn workflows(list: &[&Workflow]) -> String {
    if list.is_empty() {
        return "<Workflows/>".to_owned();
    }
    let mut x = Xml::new();
    x.open("Workflows");
    for w in list {
        workflow(&mut x, w);
    }
    x.close("Workflows");
    x.finish()
}

fn workflow(x: &mut Xml, w: &Workflow) {
    x.open("Workflow")
        .leaf("uri", &format!("/finesse/api/Workflow/{}", w.id))
        .leaf("name", &w.name)
        .leaf("description", &w.description)
        .open("TriggerSet")
        .leaf("type", &w.trigger_type)
        .leaf("name", &w.trigger_name);
    tests(x, "triggers", "Trigger", &w.triggers);
    x.close("TriggerSet")
        .open("ConditionSet")
        .leaf("applyMethod", &w.apply_method);
    tests(x, "conditions", "Condition", &w.conditions);
    x.close("ConditionSet");
    if w.actions.is_empty() {
        x.raw("<workflowActions/>");
    } else {
        x.open("workflowActions");
        for a in &w.actions {
            x.open("WorkflowAction")
                .leaf("uri", &format!("/finesse/api/WorkflowAction/{}", a.id))
                .leaf("name", &a.name)
                .leaf("type", &a.action_type)
                .leaf("handledBy", &a.handled_by);
            if a.params.is_empty() {
                x.raw("<params/>");
            } else {
                x.open("params");
                for p in &a.params {
                    x.open("Param")
                        .leaf("name", &p.name)
                        .leaf("value", &p.value)
                        .close("Param");
                }
                x.close("params");
            }
            if a.action_variables.is_empty() {
                x.raw("<actionVariables/>");
            } else {
                x.open("actionVariables");
                for v in &a.action_variables {
                    variable(x, "ActionVariable", v);
                }
                x.close("actionVariables");
            }
            x.close("WorkflowAction");
        }
        x.close("workflowActions");
    }
    x.close("Workflow");
}

fn tests(x: &mut Xml, list: &str, item: &str, tests: &[WorkflowTest]) {
    if tests.is_empty() {
        x.raw(&format!("<{list}/>"));
        return;
    }
    x.open(list);
    for t in tests {
        x.open(item);
        variable(x, "Variable", &t.variable);
        x.leaf("comparator", &t.comparator)
            .leaf("value", &t.value)
            .close(item);
    }
    x.close(list);
}

/// A variable; a SYSTEM one has no `node` (DEVNET `workflowaction`: "SYSTEM variables need
/// no node").
fn variable(x: &mut Xml, root: &str, v: &WorkflowVariable) {
    x.open(root).leaf("name", &v.name);
    if !v.node.is_empty() {
        x.leaf("node", &v.node);
    }
    x.leaf("type", &v.variable_type).close(root);
}

/// One `<MediaPropertiesLayout>`.
pub(crate) fn layout(l: &MediaPropertiesLayout, release: Release) -> String {
    let mut x = Xml::new();
    layout_into(&mut x, l, release);
    x.finish()
}

/// `<MediaPropertiesLayouts>` with each layout.
pub(crate) fn layouts(list: &[&MediaPropertiesLayout], release: Release) -> String {
    if list.is_empty() {
        return "<MediaPropertiesLayouts/>".to_owned();
    }
    let mut x = Xml::new();
    x.open("MediaPropertiesLayouts");
    for l in list {
        layout_into(&mut x, l, release);
    }
    x.close("MediaPropertiesLayouts");
    x.finish()
}

fn layout_into(x: &mut Xml, l: &MediaPropertiesLayout, release: Release) {
    x.open("MediaPropertiesLayout")
        .leaf(
            "uri",
            &format!("/finesse/api/MediaPropertiesLayout/{}", l.id),
        )
        .leaf("name", &l.name)
        .leaf("description", &l.description)
        .leaf("type", l.layout_type.as_str())
        .open("header");
    entry(x, &l.header, release);
    x.close("header");
    for column in &l.columns {
        if column.is_empty() {
            x.raw("<column/>");
            continue;
        }
        x.open("column");
        for e in column {
            entry(x, e, release);
        }
        x.close("column");
    }
    x.close("MediaPropertiesLayout");
}

/// An entry; `showInPopOver` and `uiEditable` are in the 12.x object only (the 10.5
/// JavaScript library reads `displayName` and `mediaProperty` alone).
fn entry(x: &mut Xml, e: &LayoutEntry, release: Release) {
    x.open("entry")
        .leaf("displayName", &e.display_name)
        .leaf("mediaProperty", &e.media_property);
    if release.layout_entries_have_flags() {
        x.leaf("showInPopOver", bool_str(e.show_in_pop_over))
            .leaf("uiEditable", bool_str(e.ui_editable));
    }
    x.close("entry");
}

fn bool_str(b: bool) -> &'static str {
    if b { "true" } else { "false" }
}
