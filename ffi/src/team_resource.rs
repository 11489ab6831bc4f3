//! The desktop's lists besides reason codes: phone books, workflows and media properties
//! layouts, the agent's (from TeamResource on 12.5(1) and later, else the user's) and a
//! team's, each handed to C as an owned list.

use std::ffi::c_char;

use crate::client::{client_arg, finesse_client};
use crate::error::finesse_result;
use crate::models::{
    MediaPropertiesLayoutView, PhoneBookView, WorkflowView, finesse_owned_media_properties_layout,
    finesse_owned_media_properties_layout_list, finesse_owned_phone_book_list,
    finesse_owned_workflow_list,
};
use crate::queries::read;
use crate::strings::str_arg;

/// Lists the phone books available to the agent, global ones first, each with its contacts
/// (`finesse_phone_book_contacts_get`): its team's (GET
/// `/finesse/api/TeamResource/<teamId>/PhoneBooks`, 12.5(1) and later) or, on earlier
/// releases, the user's (GET `/finesse/api/User/<id>/PhoneBooks`). Up to 6000 contacts.
///
/// On success the caller owns `*out_list` and releases it with
/// `finesse_owned_phone_book_list_free`; on failure `*out_list` is not written.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_get_phone_books(
    client: *const finesse_client,
    out_list: *mut *mut finesse_owned_phone_book_list,
) -> finesse_result {
    read(out_list, "out_list", || {
        let client = unsafe { client_arg(client) }?;
        Ok(client
            .phone_books()?
            .into_iter()
            .map(PhoneBookView::new)
            .collect())
    })
}

/// Lists the phone books of team `team_id` with their contacts (GET
/// `/finesse/api/TeamResource/<id>/PhoneBooks`, 12.5(1) and later). `team_id` is borrowed for
/// the call only.
///
/// On success the caller owns `*out_list` and releases it with
/// `finesse_owned_phone_book_list_free`; on failure `*out_list` is not written.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_get_team_phone_books(
    client: *const finesse_client,
    team_id: *const c_char,
    out_list: *mut *mut finesse_owned_phone_book_list,
) -> finesse_result {
    read(out_list, "out_list", || {
        let client = unsafe { client_arg(client) }?;
        let team_id = unsafe { str_arg(team_id, "team_id") }?;
        let books = client.team_phone_books(team_id)?;
        Ok(books.into_iter().map(PhoneBookView::new).collect())
    })
}

/// Lists the agent's workflows with their actions: its team's (TeamResource, 12.5(1) and
/// later) or, on earlier releases, the user's. An application runs the actions handled by
/// `OTHER`; the Finesse desktop runs the others.
///
/// On success the caller owns `*out_list` and releases it with
/// `finesse_owned_workflow_list_free`; on failure `*out_list` is not written.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_get_workflows(
    client: *const finesse_client,
    out_list: *mut *mut finesse_owned_workflow_list,
) -> finesse_result {
    read(out_list, "out_list", || {
        let client = unsafe { client_arg(client) }?;
        Ok(client
            .workflows()?
            .into_iter()
            .map(WorkflowView::new)
            .collect())
    })
}

/// Lists the workflows of team `team_id` (GET `/finesse/api/TeamResource/<id>/Workflows`,
/// 12.5(1) and later). `team_id` is borrowed for the call only.
///
/// On success the caller owns `*out_list` and releases it with
/// `finesse_owned_workflow_list_free`; on failure `*out_list` is not written.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_get_team_workflows(
    client: *const finesse_client,
    team_id: *const c_char,
    out_list: *mut *mut finesse_owned_workflow_list,
) -> finesse_result {
    read(out_list, "out_list", || {
        let client = unsafe { client_arg(client) }?;
        let team_id = unsafe { str_arg(team_id, "team_id") }?;
        let flows = client.team_workflows(team_id)?;
        Ok(flows.into_iter().map(WorkflowView::new).collect())
    })
}

/// Lists the agent's media properties layouts: its team's (TeamResource, 12.5(1) and later)
/// or, on earlier releases, the user's.
///
/// On success the caller owns `*out_list` and releases it with
/// `finesse_owned_media_properties_layout_list_free`; on failure `*out_list` is not written.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_get_media_properties_layouts(
    client: *const finesse_client,
    out_list: *mut *mut finesse_owned_media_properties_layout_list,
) -> finesse_result {
    read(out_list, "out_list", || {
        let client = unsafe { client_arg(client) }?;
        let layouts = client.media_properties_layouts()?;
        Ok(layouts
            .into_iter()
            .map(MediaPropertiesLayoutView::new)
            .collect())
    })
}

/// Gets the layout the desktop shows the agent's calls with: its team's, or the system's
/// default (GET `/finesse/api/User/<id>/MediaPropertiesLayout`).
///
/// On success the caller owns `*out_layout` and releases it with
/// `finesse_owned_media_properties_layout_free`; on failure `*out_layout` is not written.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_get_media_properties_layout(
    client: *const finesse_client,
    out_layout: *mut *mut finesse_owned_media_properties_layout,
) -> finesse_result {
    read(out_layout, "out_layout", || {
        let client = unsafe { client_arg(client) }?;
        Ok(MediaPropertiesLayoutView::new(
            client.media_properties_layout()?,
        ))
    })
}

/// Lists the media properties layouts of team `team_id` (GET
/// `/finesse/api/TeamResource/<id>/MediaPropertiesLayouts`, 12.5(1) and later). `team_id` is
/// borrowed for the call only.
///
/// On success the caller owns `*out_list` and releases it with
/// `finesse_owned_media_properties_layout_list_free`; on failure `*out_list` is not written.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_get_team_media_properties_layouts(
    client: *const finesse_client,
    team_id: *const c_char,
    out_list: *mut *mut finesse_owned_media_properties_layout_list,
) -> finesse_result {
    read(out_list, "out_list", || {
        let client = unsafe { client_arg(client) }?;
        let team_id = unsafe { str_arg(team_id, "team_id") }?;
        let layouts = client.team_media_properties_layouts(team_id)?;
        Ok(layouts
            .into_iter()
            .map(MediaPropertiesLayoutView::new)
            .collect())
    })
}
