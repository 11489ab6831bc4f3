//! The desktop's lists of `Client` besides reason codes: phone books, workflows and media
//! properties layouts, the agent's (from TeamResource on 12.5(1) and later, else the user's)
//! and a team's. Each is one call of the core method of the same name.

use pyo3::prelude::*;

use crate::client::Client;
use crate::models::{MediaPropertiesLayout, PhoneBook, Workflow};

#[pymethods]
impl Client {
    /// Lists the phone books available to the agent, global ones first, with their
    /// contacts: its team's (TeamResource, 12.5(1) and later) or, on earlier releases, the
    /// user's. Up to 6000 contacts in all.
    ///
    /// Returns:
    ///     The ``PhoneBook`` list; each has its ``contacts``.
    fn phone_books(&self, py: Python<'_>) -> PyResult<Vec<PhoneBook>> {
        self.run(py, |c| c.phone_books())
            .map(|books| books.into_iter().map(PhoneBook::from).collect())
    }

    /// Lists the phone books of a team with their contacts (``GET
    /// /finesse/api/TeamResource/<id>/PhoneBooks``, 12.5(1) and later).
    ///
    /// Returns:
    ///     The ``PhoneBook`` list.
    fn team_phone_books(&self, py: Python<'_>, team_id: String) -> PyResult<Vec<PhoneBook>> {
        self.run(py, move |c| c.team_phone_books(&team_id))
            .map(|books| books.into_iter().map(PhoneBook::from).collect())
    }

    /// Lists the agent's workflows with their actions: its team's (TeamResource, 12.5(1)
    /// and later) or, on earlier releases, the user's. An application runs the actions
    /// ``handled_by`` ``"OTHER"``; the Finesse desktop runs the others.
    ///
    /// Returns:
    ///     The ``Workflow`` list.
    fn workflows(&self, py: Python<'_>) -> PyResult<Vec<Workflow>> {
        self.run(py, |c| c.workflows())
            .map(|flows| flows.into_iter().map(Workflow::from).collect())
    }

    /// Lists the workflows of a team (``GET /finesse/api/TeamResource/<id>/Workflows``,
    /// 12.5(1) and later).
    ///
    /// Returns:
    ///     The ``Workflow`` list.
    fn team_workflows(&self, py: Python<'_>, team_id: String) -> PyResult<Vec<Workflow>> {
        self.run(py, move |c| c.team_workflows(&team_id))
            .map(|flows| flows.into_iter().map(Workflow::from).collect())
    }

    /// Lists the agent's media properties layouts: its team's (TeamResource, 12.5(1) and
    /// later) or, on earlier releases, the user's.
    ///
    /// Returns:
    ///     The ``MediaPropertiesLayout`` list.
    fn media_properties_layouts(&self, py: Python<'_>) -> PyResult<Vec<MediaPropertiesLayout>> {
        self.run(py, |c| c.media_properties_layouts())
            .map(|layouts| {
                layouts
                    .into_iter()
                    .map(MediaPropertiesLayout::from)
                    .collect()
            })
    }

    /// Gets the layout the desktop shows the agent's calls with: its team's, or the
    /// system's default (``GET /finesse/api/User/<id>/MediaPropertiesLayout``).
    ///
    /// Returns:
    ///     The ``MediaPropertiesLayout``.
    fn media_properties_layout(&self, py: Python<'_>) -> PyResult<MediaPropertiesLayout> {
        self.run(py, |c| c.media_properties_layout())
            .map(MediaPropertiesLayout::from)
    }

    /// Lists the media properties layouts of a team (``GET
    /// /finesse/api/TeamResource/<id>/MediaPropertiesLayouts``, 12.5(1) and later).
    ///
    /// Returns:
    ///     The ``MediaPropertiesLayout`` list.
    fn team_media_properties_layouts(
        &self,
        py: Python<'_>,
        team_id: String,
    ) -> PyResult<Vec<MediaPropertiesLayout>> {
        self.run(py, move |c| c.team_media_properties_layouts(&team_id))
            .map(|layouts| {
                layouts
                    .into_iter()
                    .map(MediaPropertiesLayout::from)
                    .collect()
            })
    }
}
