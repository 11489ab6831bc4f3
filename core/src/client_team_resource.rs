//! The lists a desktop needs besides calls: reason codes, wrap-up reasons, phone books,
//! workflows and media properties layouts. Finesse 12.5(1) serves them per team
//! (`/finesse/api/TeamResource/<teamId>/…`) and deprecates the user-scoped lists of earlier
//! releases (`/finesse/api/User/<id>/…`, DEVNET `teamresource`); the agent's methods take
//! them from whichever the server has, the `team_*` methods from TeamResource.

use std::sync::atomic::{AtomicU8, Ordering};

use crate::client::Client;
use crate::error::{Error, ErrorKind};
use crate::model::{
    MediaPropertiesLayout, PhoneBook, ReasonCode, ReasonCodeCategory, Workflow, WrapUpReason,
};
use crate::validate;

/// The `Range` a phone book list is asked with: the most contacts the API gives (DEVNET
/// `teamresource—get-phone-books`: "Range must be 1– 6000 objects"; before 12.6(2) the
/// contacts come only for the range asked).
const PHONE_BOOK_RANGE: &str = "objects=1-6000";

/// Whether the server has the TeamResource APIs, learned from the first list read: unknown,
/// yes (12.5(1) and later), or no (a 404, so an earlier release: the user-scoped lists).
#[derive(Debug, Default)]
pub(crate) struct ListSource(AtomicU8);

const UNKNOWN: u8 = 0;
const TEAM_RESOURCE: u8 = 1;
const USER_LISTS: u8 = 2;

/// One list of the agent's: its path under TeamResource and under the user.
struct ListPaths<'a> {
    /// After `/finesse/api/TeamResource/<teamId>/`.
    team: &'a str,
    /// After `/finesse/api/User/<id>/`.
    user: &'a str,
    /// Extra request headers (the phone books' `Range`).
    headers: &'a [(&'a str, &'a str)],
}

impl Client {
    /// Lists the reason codes of a category available to the agent: its team's (`GET
    /// /finesse/api/TeamResource/<teamId>/ReasonCodes`, 12.5(1) and later), or on earlier
    /// releases the user's (`GET /finesse/api/User/<id>/ReasonCodes`).
    pub fn reason_codes(&self, category: ReasonCodeCategory) -> Result<Vec<ReasonCode>, Error> {
        // A category this library does not know is passed on, but must stay one URL word.
        validate::path_segment("category", category.as_str())?;
        let path = format!("ReasonCodes?category={}", category.as_str());
        let body = self.agent_list(ListPaths {
            team: &path,
            user: &path,
            headers: &[],
        })?;
        ReasonCode::list_from_xml_with_limits(&body, self.http().limits())
    }

    /// Lists the wrap-up reasons available to the agent: its team's (TeamResource, 12.5(1)
    /// and later) or, on earlier releases, the user's.
    pub fn wrap_up_reasons(&self) -> Result<Vec<WrapUpReason>, Error> {
        let body = self.agent_list(ListPaths {
            team: "WrapUpReasons",
            user: "WrapUpReasons",
            headers: &[],
        })?;
        WrapUpReason::list_from_xml_with_limits(&body, self.http().limits())
    }

    /// Lists the phone books available to the agent, global ones first, with their contacts:
    /// its team's (TeamResource, 12.5(1) and later) or, on earlier releases, the user's.
    /// Up to 6000 contacts in all, the API's limit.
    pub fn phone_books(&self) -> Result<Vec<PhoneBook>, Error> {
        let body = self.agent_list(ListPaths {
            team: "PhoneBooks",
            user: "PhoneBooks",
            headers: &[("Range", PHONE_BOOK_RANGE)],
        })?;
        PhoneBook::list_from_xml_with_limits(&body, self.http().limits())
    }

    /// Lists the workflows of the agent, with their actions: its team's (TeamResource,
    /// 12.5(1) and later) or, on earlier releases, the user's. An application runs those whose
    /// actions are `handled_by` `OTHER`; the Finesse desktop runs the others.
    pub fn workflows(&self) -> Result<Vec<Workflow>, Error> {
        let body = self.agent_list(ListPaths {
            team: "Workflows",
            user: "Workflows",
            headers: &[],
        })?;
        Workflow::list_from_xml_with_limits(&body, self.http().limits())
    }

    /// Lists the media properties layouts of the agent: its team's (TeamResource, 12.5(1)
    /// and later) or, on earlier releases, the user's.
    pub fn media_properties_layouts(&self) -> Result<Vec<MediaPropertiesLayout>, Error> {
        let body = self.agent_list(ListPaths {
            team: "MediaPropertiesLayouts",
            user: "MediaPropertiesLayouts",
            headers: &[],
        })?;
        MediaPropertiesLayout::list_from_xml_with_limits(&body, self.http().limits())
    }

    /// Gets the layout the desktop shows the agent's calls with: its team's, or the system's
    /// default (`GET /finesse/api/User/<id>/MediaPropertiesLayout`, every release).
    pub fn media_properties_layout(&self) -> Result<MediaPropertiesLayout, Error> {
        let id = self.login_id()?;
        let body = self
            .http()
            .get(&format!("/finesse/api/User/{id}/MediaPropertiesLayout"))?;
        MediaPropertiesLayout::from_xml_with_limits(&body, self.http().limits())
    }

    /// Lists the reason codes of a category of a team (`GET
    /// /finesse/api/TeamResource/<id>/ReasonCodes`, 12.5(1) and later). The agent's team is
    /// in [`User::team_id`](crate::User::team_id); a supervisor's in
    /// [`User::teams`](crate::User::teams).
    pub fn team_reason_codes(
        &self,
        team_id: &str,
        category: ReasonCodeCategory,
    ) -> Result<Vec<ReasonCode>, Error> {
        validate::path_segment("category", category.as_str())?;
        let path = format!("ReasonCodes?category={}", category.as_str());
        let body = self.team_list(team_id, &path, &[])?;
        ReasonCode::list_from_xml_with_limits(&body, self.http().limits())
    }

    /// Lists the wrap-up reasons of a team (`GET /finesse/api/TeamResource/<id>/WrapUpReasons`,
    /// 12.5(1) and later).
    pub fn team_wrap_up_reasons(&self, team_id: &str) -> Result<Vec<WrapUpReason>, Error> {
        let body = self.team_list(team_id, "WrapUpReasons", &[])?;
        WrapUpReason::list_from_xml_with_limits(&body, self.http().limits())
    }

    /// Lists the phone books of a team with their contacts, global phone books first (`GET
    /// /finesse/api/TeamResource/<id>/PhoneBooks`, 12.5(1) and later; up to 6000 contacts).
    pub fn team_phone_books(&self, team_id: &str) -> Result<Vec<PhoneBook>, Error> {
        let body = self.team_list(team_id, "PhoneBooks", &[("Range", PHONE_BOOK_RANGE)])?;
        PhoneBook::list_from_xml_with_limits(&body, self.http().limits())
    }

    /// Lists the workflows of a team, with their actions (`GET
    /// /finesse/api/TeamResource/<id>/Workflows`, 12.5(1) and later).
    pub fn team_workflows(&self, team_id: &str) -> Result<Vec<Workflow>, Error> {
        let body = self.team_list(team_id, "Workflows", &[])?;
        Workflow::list_from_xml_with_limits(&body, self.http().limits())
    }

    /// Lists the media properties layouts of a team (`GET
    /// /finesse/api/TeamResource/<id>/MediaPropertiesLayouts`, 12.5(1) and later).
    pub fn team_media_properties_layouts(
        &self,
        team_id: &str,
    ) -> Result<Vec<MediaPropertiesLayout>, Error> {
        let body = self.team_list(team_id, "MediaPropertiesLayouts", &[])?;
        MediaPropertiesLayout::list_from_xml_with_limits(&body, self.http().limits())
    }

    /// GETs `/finesse/api/TeamResource/<team_id>/<path>`.
    fn team_list(
        &self,
        team_id: &str,
        path: &str,
        headers: &[(&str, &str)],
    ) -> Result<Vec<u8>, Error> {
        validate::path_segment("team_id", team_id)?;
        self.http().get_with(
            &format!("/finesse/api/TeamResource/{team_id}/{path}"),
            headers,
        )
    }

    /// GETs one of the agent's lists: from TeamResource for the agent's team unless the
    /// server is known not to have it, falling back to the user-scoped list when it answers
    /// 404 the first time (an earlier release; remembered). An agent without a team reads the
    /// user-scoped list.
    fn agent_list(&self, paths: ListPaths<'_>) -> Result<Vec<u8>, Error> {
        let source = &self.list_source().0;
        let user = self.user()?;
        if let Some(team) = user.team_id.as_deref()
            && source.load(Ordering::Relaxed) != USER_LISTS
        {
            match self.team_list(team, paths.team, paths.headers) {
                Ok(body) => {
                    source.store(TEAM_RESOURCE, Ordering::Relaxed);
                    return Ok(body);
                }
                Err(e)
                    if e.kind() == ErrorKind::NotFound
                        && source.load(Ordering::Relaxed) == UNKNOWN =>
                {
                    log::debug!("no TeamResource APIs (before 12.5(1)): using the user's lists");
                    source.store(USER_LISTS, Ordering::Relaxed);
                }
                Err(e) => return Err(e),
            }
        }
        let id = self.login_id()?;
        self.http().get_with(
            &format!("/finesse/api/User/{id}/{}", paths.user),
            paths.headers,
        )
    }
}
