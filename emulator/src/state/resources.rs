//! Which phone books, workflows and media properties layouts a team's agents get.
//!
//! Sources: DEVNET `phonebook` (a GLOBAL phone book is every agent's, a TEAM one its teams'),
//! `teamresource—get-phone-books` ("Contacts come from global phone books first, then team
//! phone books"), the CCX 12.0 administration guide "Manage Workflows" ("All workflows are
//! team-level workflows"), DEVNET `mediapropertieslayout` (DEFAULT and CUSTOM layouts; a
//! user's layout is its team's, else the default).

use super::World;
use crate::resources::{LayoutType, MediaPropertiesLayout, PhoneBook, PhoneBookType, Workflow};

impl World {
    /// The team's phone books: the global ones first, then those assigned to the team.
    pub fn phone_books_of_team(&self, team: &str) -> Vec<&PhoneBook> {
        let books = &self.resources.phone_books;
        let of_type = |t: PhoneBookType| {
            books
                .iter()
                .filter(move |b| b.book_type == t && b.serves(team))
        };
        of_type(PhoneBookType::Global)
            .chain(of_type(PhoneBookType::Team))
            .collect()
    }

    /// The workflows assigned to the team.
    pub fn workflows_of_team(&self, team: &str) -> Vec<&Workflow> {
        self.resources
            .workflows
            .iter()
            .filter(|w| w.teams.iter().any(|t| t == team))
            .collect()
    }

    /// The layouts the team may use: the default ones, then those assigned to the team.
    pub fn layouts_of_team(&self, team: &str) -> Vec<&MediaPropertiesLayout> {
        let layouts = &self.resources.layouts;
        let defaults = layouts
            .iter()
            .filter(|l| l.layout_type == LayoutType::Default);
        let custom = layouts
            .iter()
            .filter(|l| l.layout_type == LayoutType::Custom && l.teams.iter().any(|t| t == team));
        defaults.chain(custom).collect()
    }

    /// The layout the team's agents see: the team's custom one, else the default.
    pub fn layout_of_team(&self, team: &str) -> Option<&MediaPropertiesLayout> {
        let layouts = self.layouts_of_team(team);
        layouts
            .iter()
            .find(|l| l.layout_type == LayoutType::Custom)
            .or_else(|| layouts.first())
            .copied()
    }
}
