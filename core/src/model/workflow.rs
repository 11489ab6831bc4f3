//! Workflows: what the desktop does by itself when a call event matches (pop a page, send an
//! HTTP request), as an administrator configured it for the agent's team.

use serde::Serialize;

use super::{last_segment, non_empty};
use crate::error::Error;
use crate::limits::DecodeLimits;
use crate::xml::{XmlReader, decode_document};

/// A workflow (`Workflow`): when its trigger set fires and its conditions hold, its actions run.
///
/// The document (DEVNET `user—get-list-of-workflows` example, `workflow-api-parameters`): a
/// `Workflow` with `uri`, `name`, `description`, `media`, a `TriggerSet`, a `ConditionSet` and
/// `workflowActions` of `WorkflowAction` elements.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Workflow {
    /// The resource URI, `/finesse/api/Workflow/<id>`.
    pub uri: String,
    /// The workflow's id, taken from the URI.
    pub id: String,
    /// Its name (at most 40 characters).
    pub name: String,
    /// Its description (at most 128 characters).
    pub description: String,
    /// The media channel it applies to, on releases that write it.
    pub media: Option<String>,
    /// The events that make the conditions be evaluated.
    pub trigger: Option<WorkflowTriggerSet>,
    /// The conditions that must hold for the actions to run.
    pub conditions: Option<WorkflowConditionSet>,
    /// The actions to run, in order (at most 5).
    pub actions: Vec<WorkflowAction>,
}

/// The events that start a workflow (`TriggerSet`): a system event such as `CALL_ARRIVES`,
/// narrowed by triggers on the dialog.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct WorkflowTriggerSet {
    /// `SYSTEM` for the built-in events.
    pub trigger_type: String,
    /// The event, e.g. `CALL_ARRIVES`, `CALL_ANSWERED`, `CALL_ENDS`.
    pub name: String,
    /// Tests on the dialog that must all pass.
    pub triggers: Vec<WorkflowCondition>,
}

/// The conditions of a workflow (`ConditionSet`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct WorkflowConditionSet {
    /// `ALL` or `ANY`: whether every condition or one of them must hold.
    pub apply_method: String,
    /// The conditions (at most 5).
    pub conditions: Vec<WorkflowCondition>,
}

/// A test of a dialog's variable against a value (a `Trigger` or a `Condition`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct WorkflowCondition {
    /// The variable tested.
    pub variable: Option<WorkflowVariable>,
    /// How, e.g. `IS_EQUAL`, `CONTAINS`, `IS_IN_LIST`, `IS_EMPTY`.
    pub comparator: String,
    /// The value compared with (a comma-separated list for `IS_IN_LIST`).
    pub value: String,
}

/// A variable of a dialog that workflows read (`Variable`, `ActionVariable`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct WorkflowVariable {
    /// Its name, e.g. `callVariable1` or a name the administrator chose.
    pub name: String,
    /// For a `CUSTOM` variable, the XPath of its value in the Dialog document, e.g.
    /// `//Dialog/mediaProperties/callType`.
    pub node: Option<String>,
    /// `SYSTEM` (a call variable Finesse knows) or `CUSTOM` (read at `node`).
    pub variable_type: String,
    /// A value to try the action with (action variables only).
    pub test_value: Option<String>,
}

/// A workflow action (`WorkflowAction`, DEVNET `workflowaction`): what runs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct WorkflowAction {
    /// The resource URI, `/finesse/api/WorkflowAction/<id>`.
    pub uri: String,
    /// The action's id, taken from the URI.
    pub id: String,
    /// Its name (at most 64 characters).
    pub name: String,
    /// `BROWSER_POP` or `HTTP_REQUEST`.
    pub action_type: String,
    /// Who runs it: `FINESSE_DESKTOP` or `OTHER` (an application such as this one).
    pub handled_by: Option<String>,
    /// Its parameters: `path` and `windowName` for BROWSER_POP; `method`, `location`,
    /// `contentType`, `path` and `body` for HTTP_REQUEST. `${name}` in a value stands for
    /// the action variable `name`.
    pub params: Vec<WorkflowActionParam>,
    /// The variables its parameters use (at most 5).
    pub variables: Vec<WorkflowVariable>,
}

/// One parameter of a workflow action (`Param`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct WorkflowActionParam {
    /// Its name, e.g. `path`.
    pub name: String,
    /// Its value, with `${variable}` placeholders.
    pub value: String,
}

impl Workflow {
    /// Decodes one `Workflow` document.
    pub fn from_xml(xml: impl AsRef<[u8]>) -> Result<Workflow, Error> {
        decode_document(
            xml.as_ref(),
            "Workflow",
            &[b"workflow"],
            DecodeLimits::DEFAULT,
            Self::read,
        )
    }

    /// Decodes a `Workflows` list document.
    pub fn list_from_xml(xml: impl AsRef<[u8]>) -> Result<Vec<Workflow>, Error> {
        Self::list_from_xml_with_limits(xml.as_ref(), DecodeLimits::DEFAULT)
    }

    pub(crate) fn list_from_xml_with_limits(
        xml: &[u8],
        limits: DecodeLimits,
    ) -> Result<Vec<Workflow>, Error> {
        decode_document(xml, "Workflows", &[b"workflows"], limits, |r| {
            r.list(b"workflow", Self::read)
        })
    }

    fn read(r: &mut XmlReader<'_>) -> Result<Workflow, Error> {
        let mut w = Workflow::default();
        while let Some(name) = r.next_child()? {
            match name.as_bytes() {
                b"uri" => w.uri = r.text()?,
                b"name" => w.name = r.text()?,
                b"description" => w.description = r.text()?,
                b"media" => w.media = non_empty(r.text()?),
                b"triggerset" => w.trigger = Some(WorkflowTriggerSet::read(r)?),
                b"conditionset" => w.conditions = Some(WorkflowConditionSet::read(r)?),
                b"workflowactions" => {
                    w.actions = r.list(b"workflowaction", WorkflowAction::read)?
                }
                _ => r.skip()?,
            }
        }
        w.id = last_segment(&w.uri);
        Ok(w)
    }
}

impl WorkflowTriggerSet {
    fn read(r: &mut XmlReader<'_>) -> Result<WorkflowTriggerSet, Error> {
        let mut t = WorkflowTriggerSet::default();
        while let Some(name) = r.next_child()? {
            match name.as_bytes() {
                b"type" => t.trigger_type = r.text()?,
                b"name" => t.name = r.text()?,
                b"triggers" => t.triggers = r.list(b"trigger", WorkflowCondition::read)?,
                _ => r.skip()?,
            }
        }
        Ok(t)
    }
}

impl WorkflowConditionSet {
    fn read(r: &mut XmlReader<'_>) -> Result<WorkflowConditionSet, Error> {
        let mut c = WorkflowConditionSet::default();
        while let Some(name) = r.next_child()? {
            match name.as_bytes() {
                b"applymethod" => c.apply_method = r.text()?,
                b"conditions" => c.conditions = r.list(b"condition", WorkflowCondition::read)?,
                _ => r.skip()?,
            }
        }
        Ok(c)
    }
}

impl WorkflowCondition {
    fn read(r: &mut XmlReader<'_>) -> Result<WorkflowCondition, Error> {
        let mut c = WorkflowCondition::default();
        while let Some(name) = r.next_child()? {
            match name.as_bytes() {
                b"variable" => c.variable = Some(WorkflowVariable::read(r)?),
                b"comparator" => c.comparator = r.text()?,
                b"value" => c.value = r.text()?,
                _ => r.skip()?,
            }
        }
        Ok(c)
    }
}

impl WorkflowVariable {
    fn read(r: &mut XmlReader<'_>) -> Result<WorkflowVariable, Error> {
        let mut v = WorkflowVariable::default();
        while let Some(name) = r.next_child()? {
            match name.as_bytes() {
                b"name" => v.name = r.text()?,
                b"node" => v.node = non_empty(r.text()?),
                b"type" => v.variable_type = r.text()?,
                b"testvalue" => v.test_value = non_empty(r.text()?),
                _ => r.skip()?,
            }
        }
        Ok(v)
    }
}

impl WorkflowAction {
    /// Decodes one `WorkflowAction` document.
    pub fn from_xml(xml: impl AsRef<[u8]>) -> Result<WorkflowAction, Error> {
        decode_document(
            xml.as_ref(),
            "WorkflowAction",
            &[b"workflowaction"],
            DecodeLimits::DEFAULT,
            Self::read,
        )
    }

    fn read(r: &mut XmlReader<'_>) -> Result<WorkflowAction, Error> {
        let mut a = WorkflowAction::default();
        while let Some(name) = r.next_child()? {
            match name.as_bytes() {
                b"uri" => a.uri = r.text()?,
                b"name" => a.name = r.text()?,
                b"type" => a.action_type = r.text()?,
                b"handledby" => a.handled_by = non_empty(r.text()?),
                b"params" => a.params = r.list(b"param", WorkflowActionParam::read)?,
                b"actionvariables" => {
                    a.variables = r.list(b"actionvariable", WorkflowVariable::read)?
                }
                _ => r.skip()?,
            }
        }
        a.id = last_segment(&a.uri);
        Ok(a)
    }
}

impl WorkflowActionParam {
    fn read(r: &mut XmlReader<'_>) -> Result<WorkflowActionParam, Error> {
        let mut p = WorkflowActionParam::default();
        while let Some(name) = r.next_child()? {
            match name.as_bytes() {
                b"name" => p.name = r.text()?,
                b"value" => p.value = r.text()?,
                _ => r.skip()?,
            }
        }
        Ok(p)
    }
}
